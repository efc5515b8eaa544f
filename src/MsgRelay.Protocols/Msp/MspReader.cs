using System.Buffers;
using System.Runtime.CompilerServices;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Msp;

/// <summary>
/// Reads one MSP message (RFC 1159 version 1 or RFC 1312 version 2) from the start of a buffer.
/// </summary>
/// <remarks>
/// <para>Limits: a message is at most 511 octets; once 512 octets are buffered without a complete
/// message the reader rejects with <see cref="MspRejection.TooLong"/>, so a caller never buffers
/// more than that.</para>
/// <para>Decision, control codes: a message holding a forbidden control code is <b>rejected</b>,
/// not stripped. RFC 1312 asks for rigour here, stripping would silently change what the sender
/// wrote, and a rejection tells the sender (<c>-</c> reply on TCP). Forbidden are C0, DEL and C1
/// codes (see <see cref="ControlCharacters"/>) in every part, except CR, LF and TAB in the message
/// text. The same check applies to version 1, whose RFC predates it, because the text reaches the
/// same terminals.</para>
/// <para>Decision, cookie: version 2 requires a non-empty COOKIE of at most 32 octets. Every part
/// is always present syntactically, so "must be present" only has a meaning as "non-empty"; and
/// an empty cookie would defeat duplicate detection.</para>
/// </remarks>
public static class MspReader
{
    private const int PartsV1 = 3;
    private const int PartsV2 = 7;
    private const int MessagePart = 2;
    private const int CookiePart = 5;

    private static readonly string[] ControlReasons =
    [
        "Control character in recipient",
        "Control character in recipient terminal",
        "Control character in message",
        "Control character in sender",
        "Control character in sender terminal",
        "Control character in cookie",
        "Control character in signature",
    ];

    /// <summary>Reason text for <see cref="MspRejection.TooLong"/>.</summary>
    public const string TooLongReason = "Message too long";

    /// <summary>Reason text for <see cref="MspRejection.UnknownRevision"/>.</summary>
    public const string UnknownRevisionReason = "Unknown protocol revision";

    /// <summary>Reason text for <see cref="MspRejection.CookieMissing"/>.</summary>
    public const string CookieMissingReason = "Cookie missing";

    /// <summary>Reason text for <see cref="MspRejection.CookieTooLong"/>.</summary>
    public const string CookieTooLongReason = "Cookie longer than 32 octets";

    /// <summary>
    /// Reads the message at the start of <paramref name="buffer"/>. Bytes after it (the next
    /// message on a version 2 TCP connection) are left alone.
    /// </summary>
    public static MspReadResult Read(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return MspReadResult.Incomplete(buffer.Start);
        }

        var partCount = SequenceBytes.First(buffer) switch
        {
            (byte)'A' => PartsV1,
            (byte)'B' => PartsV2,
            _ => 0,
        };
        if (partCount == 0)
        {
            return MspReadResult.Rejected(MspRejection.UnknownRevision, UnknownRevisionReason, buffer.Start, 0);
        }

        // Only the first 511 octets can hold a valid message; looking no further bounds the work.
        var window = buffer.Length > MspMessage.MaxLength ? buffer.Slice(0, MspMessage.MaxLength) : buffer;
        var reader = new SequenceReader<byte>(window);
        reader.Advance(1);
        var parts = default(Parts);
        for (var i = 0; i < partCount; i++)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> part, 0))
            {
                return buffer.Length > MspMessage.MaxLength
                    ? MspReadResult.Rejected(MspRejection.TooLong, TooLongReason, buffer.Start, 0)
                    : MspReadResult.Incomplete(buffer.Start);
            }

            parts[i] = part;
        }

        var end = reader.Position;
        var length = (int)reader.Consumed;
        for (var i = 0; i < partCount; i++)
        {
            if (ControlCharacters.ContainsForbidden(parts[i], allowLineBreaks: i == MessagePart))
            {
                return MspReadResult.Rejected(MspRejection.ControlCharacter, ControlReasons[i], end, length);
            }
        }

        if (partCount == PartsV1)
        {
            return MspReadResult.Complete(
                MspMessage.V1(Latin1.Decode(parts[0]), Latin1.Decode(parts[1]), Latin1.Decode(parts[2])), end, length);
        }

        var cookieLength = parts[CookiePart].Length;
        if (cookieLength == 0)
        {
            return MspReadResult.Rejected(MspRejection.CookieMissing, CookieMissingReason, end, length);
        }

        if (cookieLength > MspMessage.MaxCookieLength)
        {
            return MspReadResult.Rejected(MspRejection.CookieTooLong, CookieTooLongReason, end, length);
        }

        var message = new MspMessage(
            2,
            Latin1.Decode(parts[0]),
            Latin1.Decode(parts[1]),
            Latin1.Decode(parts[2]),
            Latin1.Decode(parts[3]),
            Latin1.Decode(parts[4]),
            Latin1.Decode(parts[5]),
            Latin1.Decode(parts[6]));
        return MspReadResult.Complete(message, end, length);
    }

    [InlineArray(PartsV2)]
    private struct Parts
    {
        private ReadOnlySequence<byte> _part;
    }
}
