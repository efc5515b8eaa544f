using System.CommandLine;
using MsgRelay.Node.Hosting;

namespace MsgRelay.Node.Cli;

/// <summary>`msgrelay serve`: run a node until SIGTERM or Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Run a MsgRelay node until SIGTERM or Ctrl-C.");
        command.SetAction((_, cancellationToken) => NodeHost.RunAsync(cancellationToken));
        return command;
    }
}
