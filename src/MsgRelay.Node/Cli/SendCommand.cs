using System.CommandLine;
using System.Net.Sockets;
using MsgRelay.Node.Clients;

namespace MsgRelay.Node.Cli;

/// <summary>
/// `msgrelay send`: send one message over RWP, MSP or MSP over UDP and report what became of it.
/// Exit codes: 0 delivered or forwarded, 1 not delivered (the reason on stderr), 2 bad usage, 3 no connection.
/// </summary>
internal static class SendCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "Server as host[:port] (default localhost:18).", DefaultValueFactory = _ => "localhost" };
        var protocol = new Option<string>("--protocol") { Description = "rwp (default), msp (MSP2 over TCP) or msp-udp (MSP2 over UDP).", DefaultValueFactory = _ => "rwp" };
        protocol.AcceptOnlyFromAmong("rwp", "msp", "msp-udp");
        var from = new Option<string>("--from") { Description = "Sender name (default: the current user).", DefaultValueFactory = _ => Environment.UserName };
        var tty = new Option<string?>("--tty") { Description = "Recipient terminal; [tty] in brackets is only a hint (RWP), * means all terminals." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for each answer (default 15; the server waits up to its ack-timeout for the agent).", DefaultValueFactory = _ => 15 };
        var user = new Argument<string>("user") { Description = "Recipient as USER or USER@HOST." };
        var message = new Argument<string[]>("message") { Description = "The message; read from stdin when absent.", Arity = ArgumentArity.ZeroOrMore };

        var command = new Command("send", "Send a message to a user, like write(1) across the network.");
        command.Options.Add(server);
        command.Options.Add(protocol);
        command.Options.Add(from);
        command.Options.Add(tty);
        command.Options.Add(timeout);
        command.Arguments.Add(user);
        command.Arguments.Add(message);
        command.SetAction(async (result, cancellationToken) =>
        {
            var stdout = result.InvocationConfiguration.Output;
            var stderr = result.InvocationConfiguration.Error;
            if (!ServerAddress.TryParse(result.GetValue(server), out var address))
            {
                await stderr.WriteLineAsync("msgrelay send: --server must be host[:port]").ConfigureAwait(false);
                return 2;
            }

            var recipient = result.GetValue(user) ?? string.Empty;
            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            var (name, host) = at < 0 ? (recipient, (string?)null) : (recipient[..at], recipient[(at + 1)..]);
            var words = result.GetValue(message) ?? [];
            var body = words.Length > 0 ? string.Join(' ', words) : await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            body = body.TrimEnd('\r', '\n');
            if (name.Length == 0 || host is { Length: 0 } || body.Length == 0)
            {
                await stderr.WriteLineAsync(body.Length == 0 ? "msgrelay send: empty message" : "msgrelay send: recipient must be USER or USER@HOST").ConfigureAwait(false);
                return 2;
            }

            // Names travel as words of RWP command lines; a space or line break in one would split or inject commands.
            var fromName = result.GetValue(from) ?? Environment.UserName;
            var ttyName = result.GetValue(tty);
            if (!IsWord(name) || !IsWord(fromName) || (host is not null && !IsWord(host)) || (ttyName is not null && !IsWord(ttyName)))
            {
                await stderr.WriteLineAsync("msgrelay send: names may not contain spaces or control characters").ConfigureAwait(false);
                return 2;
            }

            var request = new SendRequest(address, fromName, name, host, ttyName, body, TimeSpan.FromSeconds(result.GetValue(timeout)));
            SendResult outcome;
            try
            {
                outcome = result.GetValue(protocol) switch
                {
                    "msp" => await MspSender.SendTcpAsync(request, cancellationToken).ConfigureAwait(false),
                    "msp-udp" => await MspSender.SendUdpAsync(request, cancellationToken).ConfigureAwait(false),
                    _ => await RwpSender.SendAsync(request, cancellationToken).ConfigureAwait(false),
                };
            }
            catch (Exception e) when (e is SocketException or IOException or TimeoutException)
            {
                await stderr.WriteLineAsync($"msgrelay send: {address}: {e.Message}").ConfigureAwait(false);
                return 3;
            }

            foreach (var line in outcome.Autoreplies)
            {
                await stdout.WriteLineAsync($"autoreply from {name}: {MsgRelay.Protocols.Text.Sanitiser.ForDisplayText(line)}").ConfigureAwait(false);
            }

            if (!outcome.Success)
            {
                await stderr.WriteLineAsync("msgrelay send: " + outcome.Text).ConfigureAwait(false);
                return 1;
            }

            await stdout.WriteLineAsync(outcome.Text).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static bool IsWord(string text) => text.Length > 0 && !text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
}
