using System.CommandLine;
using System.Runtime.InteropServices;
using MsgRelay.Node.Clients;

namespace MsgRelay.Node.Cli;

/// <summary>
/// `msgrelay listen`: the reference agent. Logs in, prints each message like write(1), acknowledges
/// it, reconnects with backoff; exits 0 on Ctrl-C or SIGTERM, 2 when the login is refused.
/// </summary>
internal static class ListenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "User name to receive messages for.", Required = true };
        var tty = new Option<string?>("--tty") { Description = "Terminal name to register (default: the server picks agent/<n>)." };
        var server = new Option<string>("--server") { Description = "Server as host[:port] (default localhost:18).", DefaultValueFactory = _ => "localhost" };
        var key = new Option<string?>("--key") { Description = "Agent key, for users listed in msgrelay.auth.users." };
        var away = new Option<string?>("--away") { Description = "Away text sent back to every sender as an autoreply." };

        var command = new Command("listen", "Log in as an agent and print incoming messages like write(1).");
        command.Options.Add(user);
        command.Options.Add(tty);
        command.Options.Add(server);
        command.Options.Add(key);
        command.Options.Add(away);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stderr = result.InvocationConfiguration.Error;
            if (!ServerAddress.TryParse(result.GetValue(server), out var address))
            {
                await stderr.WriteLineAsync("msgrelay listen: --server must be host[:port]").ConfigureAwait(false);
                return 2;
            }

            // The CLI leaves signals to the commands; Ctrl-C and SIGTERM end the agent cleanly.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void OnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }

            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            // Every value goes into an RWP command line: a line break in one would inject another command.
            var values = new[] { result.GetValue(user), result.GetValue(tty), result.GetValue(key), result.GetValue(away) };
            if (values.Any(v => v is not null && v.Any(char.IsControl)))
            {
                await stderr.WriteLineAsync("msgrelay listen: options may not contain control characters").ConfigureAwait(false);
                return 2;
            }

            var request = new ListenRequest(address, values[0]!, values[1], values[2], values[3]);
            return await new AgentListener(request, result.InvocationConfiguration.Output, stderr).RunAsync(stop.Token).ConfigureAwait(false);
        });
        return command;
    }
}
