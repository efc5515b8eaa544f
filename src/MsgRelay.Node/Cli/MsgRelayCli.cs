using System.CommandLine;

namespace MsgRelay.Node.Cli;

/// <summary>The `msgrelay` command line: one sub-command per file in this folder.</summary>
public static class MsgRelayCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("MsgRelay: a clustered relay for MSP v1/v2 and RWP 1.0 messages (write(1) across a network).");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ConfigCommand.Create());
        root.Subcommands.Add(SendCommand.Create());
        root.Subcommands.Add(ListenCommand.Create());
        root.Subcommands.Add(WhoCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args)
    {
        // Signals are handled by the commands themselves (serve's host turns SIGTERM into one
        // CoordinatedShutdown run), so System.CommandLine must not install its own termination handler.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
        return Build().Parse(args).InvokeAsync(invocation);
    }
}
