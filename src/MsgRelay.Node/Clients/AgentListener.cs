using System.Text.RegularExpressions;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Node.Clients;

/// <summary>
/// The reference agent: logs in over RWP (QUOTE KEY, QUOTE AGENT, QUOTE AWAY), prints each 511
/// delivery the way write(1) does and acknowledges it, pings so idle connections stay open, and
/// reconnects with bounded exponential backoff when the server goes away.
/// </summary>
internal sealed partial class AgentListener(ListenRequest request, TextWriter output, TextWriter errors)
{
    /// <summary>Below the listeners' default idle-timeout (120 s), so a quiet agent is never closed as idle.</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs until cancelled (exit 0) or the server refuses the login (exit 2: retrying cannot help).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var backoff = FirstBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await RwpLineConnection.ConnectAsync(request.Server, CommandTimeout, cancellationToken).ConfigureAwait(false);
                if (await LoginAsync(connection, cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    await errors.WriteLineAsync("msgrelay listen: login refused: " + refusal).ConfigureAwait(false);
                    return 2;
                }

                backoff = FirstBackoff;
                await ServeAsync(connection, cancellationToken).ConfigureAwait(false);
                await errors.WriteLineAsync($"msgrelay listen: connection to {request.Server} closed by the server").ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException)
            {
                await errors.WriteLineAsync($"msgrelay listen: {request.Server}: {e.Message}").ConfigureAwait(false);
            }

            await errors.WriteLineAsync($"msgrelay listen: reconnecting in {backoff.TotalSeconds:0} s").ConfigureAwait(false);
            try
            {
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
        }

        return 0;
    }

    private async Task<string?> LoginAsync(RwpLineConnection connection, CancellationToken cancellationToken)
    {
        if (request.Key is not null && First(await connection.CommandAsync("QUOTE KEY " + request.Key, CommandTimeout, cancellationToken).ConfigureAwait(false)) is { Code: not 112 } keyReply)
        {
            return keyReply.ToString();
        }

        var agent = "QUOTE AGENT " + request.User + (request.Tty is null ? string.Empty : " " + request.Tty);
        var registered = First(await connection.CommandAsync(agent, CommandTimeout, cancellationToken).ConfigureAwait(false));
        if (registered is not { Code: 112 } ok)
        {
            return registered?.ToString() ?? "no answer to QUOTE AGENT";
        }

        var match = RegisteredText().Match(ok.Text);
        var tty = match.Success ? match.Groups["tty"].Value : request.Tty ?? "?";
        if (request.Away is not null)
        {
            await connection.CommandAsync("QUOTE AWAY " + request.Away, CommandTimeout, cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"listening as {request.User} on {tty} at {request.Server}").ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task ServeAsync(RwpLineConnection connection, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pings = PingAsync(connection, stop.Token);
        try
        {
            var reader = new RwpAgentDeliveryReader();
            while (await connection.ReadReplyAsync(null, cancellationToken).ConfigureAwait(false) is { } reply)
            {
                if (reader.Add(reply) is { } delivery)
                {
                    await output.WriteAsync("\n" + WriteFormat.Format(delivery, TimeZoneInfo.Local)).ConfigureAwait(false);
                    await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                    await connection.WriteLineAsync("QUOTE ACK " + delivery.Id, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await QuitQuietlyAsync(connection).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await pings.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task PingAsync(RwpLineConnection connection, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PingInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await connection.WriteLineAsync("QUOTE PING", cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task QuitQuietlyAsync(RwpLineConnection connection)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await connection.WriteLineAsync("QUIT", limit.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // Leaving anyway; the server logs the session out when the socket closes.
        }
    }

    private static RwpReply? First(IReadOnlyList<RwpReply> replies) => replies.Count > 0 ? replies[0] : null;

    [GeneratedRegex("^Agent .* on (?<tty>\\S+) registered\\.$")]
    private static partial Regex RegisteredText();
}
