using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Node.Clients;

/// <summary><c>msgrelay send --protocol msp|msp-udp</c>: one MSP version 2 message (RFC 1312).</summary>
internal static class MspSender
{
    /// <summary>UDP sends at most this many copies; the same cookie lets the server drop duplicates.</summary>
    public const int UdpAttempts = 3;

    /// <summary>How long each UDP copy waits for the <c>+</c>.</summary>
    public static readonly TimeSpan UdpAttemptTimeout = TimeSpan.FromSeconds(2);

    public static MspMessage Build(SendRequest request) => new(
        2,
        request.User,
        // MSP has no hint form: a bracketed RWP-style hint becomes a plain terminal name.
        request.Tty?.Trim('[', ']') ?? string.Empty,
        request.Body.ReplaceLineEndings("\r\n"),
        request.From,
        string.Empty,
        NewCookie(),
        string.Empty);

    /// <summary>
    /// Length of RWP greeting lines (`100 Ready.` and the like) in front of an MSP reply. A server on a
    /// shared port greets as RWP when the message came after its sniff window, then serves it as MSP
    /// all the same; the reply follows the greeting.
    /// </summary>
    internal static int GreetingLength(ReadOnlySpan<byte> received)
    {
        var offset = 0;
        while (offset < received.Length && char.IsAsciiDigit((char)received[offset]))
        {
            var end = received[offset..].IndexOf((byte)'\n');
            if (end < 0)
            {
                return offset;
            }

            offset += end + 1;
        }

        return offset;
    }

    /// <summary>A timestamp (the RFC's classic cookie) plus random digits, so two sends in one second differ.</summary>
    public static string NewCookie() =>
        DateTime.UtcNow.ToString("yyMMddHHmmss", CultureInfo.InvariantCulture) + "." + RandomNumberGenerator.GetHexString(8, lowercase: true);

    public static async Task<SendResult> SendTcpAsync(SendRequest request, CancellationToken cancellationToken)
    {
        if (Encode(request, out var bytes) is { } tooLong)
        {
            return tooLong;
        }

        using var client = new TcpClient { NoDelay = true };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(request.Timeout);
        try
        {
            await client.ConnectAsync(request.Server.Host, request.Server.Port, limit.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(bytes, limit.Token).ConfigureAwait(false);
            var buffer = new byte[MspReplyReader.MaxLength];
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), limit.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return SendResult.Failed("not delivered: the server closed the connection without a reply");
                }

                filled += read;
                var skip = GreetingLength(buffer.AsSpan(0, filled));
                if (skip < filled && char.IsAsciiDigit((char)buffer[skip]))
                {
                    continue; // a greeting line still arriving
                }

                var result = MspReplyReader.Read(new ReadOnlySequence<byte>(buffer, skip, filled - skip));
                if (result.Status == ReadStatus.Complete)
                {
                    return result.Reply!.Positive
                        ? new SendResult(true, "delivered to " + request.User + Suffix(result.Reply.Text), [])
                        : SendResult.Failed("not delivered" + Suffix(result.Reply.Text));
                }

                if (result.Status == ReadStatus.Rejected)
                {
                    return SendResult.Failed("not delivered: the server's reply is not MSP");
                }
            }

            return SendResult.Failed("not delivered: the server's reply is too long");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SendResult.Failed("not delivered: no reply from the server in time");
        }
    }

    public static async Task<SendResult> SendUdpAsync(SendRequest request, CancellationToken cancellationToken)
    {
        if (Encode(request, out var bytes) is { } tooLong)
        {
            return tooLong;
        }

        var addresses = await Dns.GetHostAddressesAsync(request.Server.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            return SendResult.Failed("not delivered: cannot resolve " + request.Server.Host);
        }

        var endpoint = new IPEndPoint(addresses[0], request.Server.Port);
        using var udp = new UdpClient(endpoint.AddressFamily);
        udp.Connect(endpoint);
        for (var attempt = 1; attempt <= UdpAttempts; attempt++)
        {
            await udp.SendAsync(bytes, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(UdpAttemptTimeout);
            try
            {
                while (true)
                {
                    var datagram = await udp.ReceiveAsync(wait.Token).ConfigureAwait(false);
                    var reply = MspReplyReader.Read(new ReadOnlySequence<byte>(datagram.Buffer));
                    if (reply.Status == ReadStatus.Complete && reply.Reply!.Positive)
                    {
                        return new SendResult(true, "delivered to " + request.User + Suffix(reply.Reply.Text), []);
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // No acknowledgement for this copy: send the same bytes again.
            }
            catch (SocketException)
            {
                // ICMP port unreachable surfaces here on Linux; retrying costs little and the end result is the same.
            }
        }

        // MSP over UDP answers only successes (RFC 1312), so silence is all a failure ever says.
        return SendResult.Failed(string.Create(CultureInfo.InvariantCulture,
            $"not delivered: no acknowledgement after {UdpAttempts} attempts (MSP over UDP does not say why)"));
    }

    private static SendResult? Encode(SendRequest request, out byte[] bytes)
    {
        var message = Build(request);
        bytes = [];
        if (MspWriter.GetEncodedLength(message) > MspMessage.MaxLength)
        {
            return SendResult.Failed(string.Create(CultureInfo.InvariantCulture, $"message too long for MSP (at most {MspMessage.MaxLength} octets with all parts)"));
        }

        bytes = MspWriter.ToArray(message);
        return null;
    }

    private static string Suffix(string text) => text.Length == 0 ? string.Empty : ": " + text;
}
