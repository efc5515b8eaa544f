using System.Buffers;
using System.Globalization;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// Writes RWP server responses. An answer and the <c>100 Ready.</c> that follows it go into the
/// same buffer (<see cref="WriteWithReady"/>), so they leave in one write: the reference server
/// writes them separately, which with Nagle costs each command about 44 ms.
/// </summary>
public static class RwpResponseWriter
{
    /// <summary>Response lines end in LF alone, as RWP lines do (clients strip a CR anyway).</summary>
    public const byte LineEnd = (byte)'\n';

    /// <summary>
    /// Writes one response line. Control codes in the text become <c>?</c>; angle brackets
    /// become parentheses except in a 110 response, the only one RWP lets carry them.
    /// </summary>
    public static void Write(IBufferWriter<byte> output, RwpReply reply)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(reply.Code, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reply.Code, 999);
        var text = reply.Code == 110 ? Sanitiser.ForReply(reply.Text ?? string.Empty) : RwpReplies.Clean(reply.Text ?? string.Empty);
        var span = output.GetSpan(3);
        span[0] = (byte)('0' + (reply.Code / 100));
        span[1] = (byte)('0' + (reply.Code / 10 % 10));
        span[2] = (byte)('0' + (reply.Code % 10));
        output.Advance(3);
        Latin1.WriteByte(output, (byte)' ');
        Latin1.Write(output, text);
        Latin1.WriteByte(output, LineEnd);
    }

    /// <summary>Writes <c>100 Ready.</c>.</summary>
    public static void WriteReady(IBufferWriter<byte> output) => Write(output, RwpReplies.Ready);

    /// <summary>Writes an answer followed by <c>100 Ready.</c>, in one buffer.</summary>
    public static void WriteWithReady(IBufferWriter<byte> output, RwpReply reply)
    {
        Write(output, reply);
        WriteReady(output);
    }

    /// <summary>The TCP greeting, as the reference server sends it: 500, 501, 502, then 100.</summary>
    public static void WriteGreeting(IBufferWriter<byte> output, string peer, string localHost, string serverVersion)
    {
        Write(output, RwpReplies.Hello(peer, localHost));
        Write(output, RwpReplies.Version(serverVersion));
        Write(output, RwpReplies.ProtocolVersion);
        WriteReady(output);
    }

    /// <summary>The HELP listing (510 lines) followed by <c>100 Ready.</c>.</summary>
    public static void WriteHelp(IBufferWriter<byte> output)
    {
        foreach (var line in RwpReplies.HelpLines)
        {
            Write(output, new RwpReply(RwpReplies.HelpCode, line));
        }

        WriteReady(output);
    }

    /// <summary>
    /// An away text as autoreply lines, each <c>code |line</c> with the line RWP-quoted; they go
    /// before the 103 answer to SEND. <paramref name="code"/> is 300 (RFC) or 555 (reference).
    /// </summary>
    public static void WriteAutoreply(IBufferWriter<byte> output, string text, int code = RwpReplies.AutoreplyCode)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in MessageLines.Split(text))
        {
            Write(output, new RwpReply(code, "|" + RwpQuoting.EncodeForResponse(line)));
        }
    }

    /// <summary>One agent delivery block: the <c>511 MSG</c> header, a <c>511 |</c> line per body line, <c>511 .</c>.</summary>
    public static void WriteAgentDelivery(IBufferWriter<byte> output, RwpAgentDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var header = string.Join(
            ' ',
            "MSG",
            RwpQuoting.EncodeWord(delivery.Id),
            RwpQuoting.EncodeWord(delivery.FromUser) + "@" + RwpQuoting.EncodeWord(delivery.FromHost),
            RwpQuoting.EncodeWord(delivery.FromTty),
            delivery.Hops.ToString(CultureInfo.InvariantCulture),
            delivery.UnixMilliseconds.ToString(CultureInfo.InvariantCulture));
        Write(output, new RwpReply(RwpReplies.InformationCode, header));
        foreach (var line in MessageLines.Split(delivery.Body))
        {
            Write(output, new RwpReply(RwpReplies.InformationCode, "|" + RwpQuoting.EncodeForResponse(line)));
        }

        Write(output, new RwpReply(RwpReplies.InformationCode, "."));
    }
}
