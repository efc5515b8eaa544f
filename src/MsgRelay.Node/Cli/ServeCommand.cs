using System.CommandLine;
using MsgRelay.Node.Configuration;
using MsgRelay.Node.Hosting;

namespace MsgRelay.Node.Cli;

/// <summary>`msgrelay serve`: run a node until SIGTERM or Ctrl-C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var options = new NodeOptions();
        var command = new Command("serve", "Run a MsgRelay node until SIGTERM or Ctrl-C.");
        options.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var (file, overrides) = options.Read(result);
            try
            {
                var config = NodeConfiguration.Load(file, overrides);
                return await NodeHost.RunAsync(config, NodeSettings.FromConfig(config), file, overrides, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigurationException e)
            {
                foreach (var problem in e.Problems)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync($"msgrelay: invalid configuration: {problem}").ConfigureAwait(false);
                }

                return 2;
            }
        });
        return command;
    }
}
