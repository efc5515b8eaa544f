using System.Net.Sockets;
using System.Text;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// One open RWP connection of the Forwarder to a next hop. It waits for <c>100 Ready.</c> after every
/// answer (as rwrite does) and keeps the connection for the next message, which starts with RSET
/// because an RWP server keeps FROM/TO/FHST/FWDS after SEND.
/// </summary>
internal sealed class RwpClientConnection : IAsyncDisposable
{
    // Longest answer line accepted from a next hop: a server's line limit is 1024 by default, and
    // a hop that sends more is broken, not chatty.
    private const int MaxLineLength = 4096;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[MaxLineLength];
    private int _start;
    private int _end;

    private RwpClientConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>False once the far side said goodbye or the connection failed: do not reuse it.</summary>
    public bool IsUsable { get; private set; } = true;

    /// <summary>Connects and reads the greeting up to <c>100 Ready.</c>.</summary>
    public static async Task<RwpClientConnection> OpenAsync(NextHop hop, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(connectTimeout);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(hop.Host, hop.Port, deadline.Token).ConfigureAwait(false);
            var connection = new RwpClientConnection(client);
            var greeting = await connection.ReadAnswerAsync(null, untilEnterMessage: false, deadline.Token).ConfigureAwait(false);
            if (greeting.Code != 100)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw new RwpClientException($"{hop} greeted with {greeting.Code} instead of 100");
            }

            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new RwpClientException($"{hop} did not greet within {connectTimeout.TotalMilliseconds:0}ms");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Resets the server's state (a reused connection); false when the connection turned out to be
    /// dead, which is safe to retry on a new one because nothing of the message was sent yet.
    /// </summary>
    public async Task<bool> TryResetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await CommandAsync("RSET", null, cancellationToken).ConfigureAwait(false);
            return answer.Code == 109;
        }
        catch (IOException)
        {
            IsUsable = false;
            return false;
        }
    }

    /// <summary>Sends one message; the answer is the first unexpected code or the answer to SEND.</summary>
    public async Task<HopAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var from = message.FromUser.Length == 0 ? "nobody" : message.FromUser;
        var path = new RwpHostPath(message.Origin, message.Forwarders);
        var to = message.To;
        var tty = string.IsNullOrEmpty(to.Tty) ? string.Empty : to.TtyIsHint ? $" [{to.Tty}]" : " " + to.Tty;
        (string Line, int Expected)[] steps =
        [
            ("FROM " + from, 105),
            ("FHST " + path, 111),
            ("FWDS " + message.Hops.ToString(System.Globalization.CultureInfo.InvariantCulture), 110),
            ($"TO {to.User}@{to.Host}{tty}", 106),
        ];
        foreach (var (line, expected) in steps)
        {
            var answer = await CommandAsync(line, null, cancellationToken).ConfigureAwait(false);
            if (answer.Code != expected)
            {
                return HopAnswer.Of(answer.Code);
            }
        }

        await WriteAsync("DATA\n", cancellationToken).ConfigureAwait(false);
        var enter = await ReadAnswerAsync(null, untilEnterMessage: true, cancellationToken).ConfigureAwait(false);
        if (enter.Code != 200)
        {
            return HopAnswer.Of(enter.Code);
        }

        var body = new StringBuilder();
        foreach (var line in MessageLines.Split(message.Body))
        {
            body.Append(RwpQuoting.Encode(line)).Append('\n');
        }

        body.Append(".\n");
        var accepted = await CommandAsync(body.ToString(), null, cancellationToken, appendLineEnd: false).ConfigureAwait(false);
        if (accepted.Code != 107)
        {
            return HopAnswer.Of(accepted.Code);
        }

        var autoreplies = new List<string>();
        var sent = await CommandAsync("SEND", autoreplies, cancellationToken).ConfigureAwait(false);
        return new HopAnswer(sent.Code, autoreplies);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        IsUsable = false;
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<RwpReply> CommandAsync(string text, List<string>? autoreplies, CancellationToken cancellationToken, bool appendLineEnd = true)
    {
        await WriteAsync(appendLineEnd ? text + "\n" : text, cancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(autoreplies, untilEnterMessage: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(Encoding.Latin1.GetBytes(text), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            IsUsable = false;
            throw;
        }
    }

    // Reads lines up to `100 Ready.` (or `200` after DATA) and returns the deciding answer: the last
    // line that is neither information (511/512) nor an autoreply; autoreply texts are collected.
    private async Task<RwpReply> ReadAnswerAsync(List<string>? autoreplies, bool untilEnterMessage, CancellationToken cancellationToken)
    {
        RwpReply? decisive = null;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!RwpResponseParser.TryParse(line, out var reply))
            {
                IsUsable = false;
                throw new RwpClientException("next hop sent a line that is not an RWP answer");
            }

            if (RwpResponseParser.TryGetAutoreplyText(reply, out var text))
            {
                autoreplies?.Add(text);
                continue;
            }

            switch (reply.Code)
            {
                case 511 or 512 or 500 or 501 or 502:
                    continue;
                case 100:
                    return decisive ?? reply;
                case 200 when untilEnterMessage:
                    return reply;
                case 101 or 666:
                    // The far side is going away: this answer decides, and the connection is done.
                    IsUsable = false;
                    return reply;
                default:
                    decisive = reply;
                    if (untilEnterMessage)
                    {
                        // A refused DATA is followed by 100; read it so the connection stays in step.
                        untilEnterMessage = false;
                    }

                    continue;
            }
        }
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (lf >= 0)
            {
                var length = lf - _start;
                if (length > 0 && _buffer[lf - 1] == (byte)'\r')
                {
                    length--;
                }

                var line = Encoding.Latin1.GetString(_buffer, _start, length);
                _start = lf + 1;
                return line;
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                IsUsable = false;
                throw new RwpClientException("next hop sent an answer line longer than " + MaxLineLength + " octets");
            }

            int read;
            try
            {
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                IsUsable = false;
                throw;
            }

            if (read == 0)
            {
                IsUsable = false;
                throw new RwpClientException("next hop closed the connection");
            }

            _end += read;
        }
    }
}
