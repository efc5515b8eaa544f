using System.Buffers;
using System.Text;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Msp;

/// <summary>Encodes MSP messages (for the <c>msgrelay send</c> client and tests) and version 2 replies.</summary>
public static class MspWriter
{
    /// <summary>Octets <see cref="Write"/> would produce for <paramref name="message"/>.</summary>
    public static int GetEncodedLength(MspMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var length = 1 + message.Recipient.Length + message.RecipientTerminal.Length + message.Body.Length + 3;
        if (message.Version == 2)
        {
            length += message.Sender.Length + message.SenderTerminal.Length + message.Cookie.Length + message.Signature.Length + 4;
        }

        return length;
    }

    /// <summary>
    /// Writes the message: revision octet, then each part in ISO 8859-1 followed by NUL. Content
    /// rules (control codes, cookie) are not enforced so that tests can produce bad messages; the
    /// framing rules are.
    /// </summary>
    /// <exception cref="ArgumentException">A part contains NUL, the version is not 1 or 2, or the
    /// encoding would exceed 511 octets.</exception>
    public static void Write(IBufferWriter<byte> output, MspMessage message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Version is not (1 or 2))
        {
            throw new ArgumentException("MSP version must be 1 or 2.", nameof(message));
        }

        var length = GetEncodedLength(message);
        if (length > MspMessage.MaxLength)
        {
            throw new ArgumentException($"Encoded MSP message would be {length} octets; at most {MspMessage.MaxLength} are allowed.", nameof(message));
        }

        var span = output.GetSpan(length);
        span[0] = message.Version == 1 ? (byte)'A' : (byte)'B';
        var at = 1;
        at += WritePart(span[at..], message.Recipient);
        at += WritePart(span[at..], message.RecipientTerminal);
        at += WritePart(span[at..], message.Body);
        if (message.Version == 2)
        {
            at += WritePart(span[at..], message.Sender);
            at += WritePart(span[at..], message.SenderTerminal);
            at += WritePart(span[at..], message.Cookie);
            at += WritePart(span[at..], message.Signature);
        }

        output.Advance(at);
    }

    /// <summary>Encodes a message to a new array.</summary>
    public static byte[] ToArray(MspMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(MspMessage.MaxLength);
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Writes a version 2 reply: <c>+</c> or <c>-</c>, the optional explanation, NUL. The text is
    /// sanitised (<see cref="Sanitiser.ForReply"/>), so it can hold no NUL and no control code.
    /// </summary>
    public static void WriteReply(IBufferWriter<byte> output, bool positive, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Latin1.WriteByte(output, positive ? (byte)'+' : (byte)'-');
        if (!string.IsNullOrEmpty(text))
        {
            Latin1.Write(output, Sanitiser.ForReply(text));
        }

        Latin1.WriteByte(output, 0);
    }

    private static int WritePart(Span<byte> destination, string part)
    {
        if (part.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An MSP part cannot contain NUL.", nameof(part));
        }

        var written = Encoding.Latin1.GetBytes(part, destination);
        destination[written] = 0;
        return written + 1;
    }
}
