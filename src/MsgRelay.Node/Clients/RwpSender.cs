using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Node.Clients;

/// <summary><c>msgrelay send --protocol rwp</c>: FROM, TO, DATA with the quoted body, SEND, QUIT.</summary>
internal static class RwpSender
{
    public static async Task<SendResult> SendAsync(SendRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await RwpLineConnection.ConnectAsync(request.Server, request.Timeout, cancellationToken).ConfigureAwait(false);
        var timeout = request.Timeout;

        var from = await connection.CommandAsync("FROM " + request.From, timeout, cancellationToken).ConfigureAwait(false);
        if (Failure(from, 105) is { } fromFailure)
        {
            return fromFailure;
        }

        var to = "TO " + request.User + (request.Host is null ? string.Empty : "@" + request.Host) + (request.Tty is null ? string.Empty : " " + request.Tty);
        if (Failure(await connection.CommandAsync(to, timeout, cancellationToken).ConfigureAwait(false), 106) is { } toFailure)
        {
            return toFailure;
        }

        var data = await connection.CommandWithoutReadyAsync("DATA", timeout, cancellationToken).ConfigureAwait(false);
        if (data.Code != 200)
        {
            return SendResult.Failed(data.ToString());
        }

        foreach (var line in MessageLines.Split(request.Body))
        {
            await connection.WriteLineAsync(RwpQuoting.Encode(line), cancellationToken).ConfigureAwait(false);
        }

        if (Failure(await connection.CommandAsync(".", timeout, cancellationToken).ConfigureAwait(false), 107) is { } dataFailure)
        {
            return dataFailure;
        }

        // SEND waits for the agent's acknowledgement on the server, up to its ack timeout.
        var send = await connection.CommandAsync("SEND", timeout, cancellationToken).ConfigureAwait(false);
        var autoreplies = new List<string>();
        RwpReply? final = null;
        foreach (var reply in send)
        {
            if (RwpResponseParser.TryGetAutoreplyText(reply, out var text))
            {
                autoreplies.Add(text);
            }
            else
            {
                final = reply;
            }
        }

        await QuitAsync(connection, timeout, cancellationToken).ConfigureAwait(false);
        return final switch
        {
            { Code: 103 } => new SendResult(true, "delivered to " + request.User, autoreplies),
            { Code: 104 } => new SendResult(true, "forwarded", autoreplies),
            { } other => new SendResult(false, "not delivered: " + other, autoreplies),
            null => SendResult.Failed("not delivered: no answer to SEND"),
        };
    }

    private static SendResult? Failure(IReadOnlyList<RwpReply> replies, int expected) =>
        replies.Any(r => r.Code == expected) ? null : SendResult.Failed(replies.Count > 0 ? replies[^1].ToString() : "no answer");

    private static async Task QuitAsync(RwpLineConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await connection.CommandWithoutReadyAsync("QUIT", timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The outcome is known; a server that closes before 101 changes nothing.
        }
    }
}
