using System.Buffers;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Msp;

/// <summary>A version 2 reply as read by a client: positive or negative, with its explanation.</summary>
/// <param name="Positive">True for <c>+</c>.</param>
/// <param name="Text">The explanation after the sign, possibly empty.</param>
public sealed record MspReply(bool Positive, string Text);

/// <summary>What <see cref="MspReplyReader.Read"/> made of the buffered bytes.</summary>
/// <param name="Status">Complete, incomplete, or rejected (not a reply, or longer than 512 octets).</param>
/// <param name="Reply">The reply when complete.</param>
/// <param name="Consumed">End of the reply when complete; otherwise the start of the buffer.</param>
public readonly record struct MspReplyReadResult(ReadStatus Status, MspReply? Reply, SequencePosition Consumed);

/// <summary>Reads the server's answer to a version 2 message over TCP (<c>+</c>/<c>-</c>, text, NUL).</summary>
public static class MspReplyReader
{
    /// <summary>Longest reply accepted, NUL included; the RFC gives none, this keeps a client bounded.</summary>
    public const int MaxLength = 512;

    /// <summary>Reads the reply at the start of <paramref name="buffer"/>.</summary>
    public static MspReplyReadResult Read(in ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return new(ReadStatus.Incomplete, null, buffer.Start);
        }

        var sign = SequenceBytes.First(buffer);
        if (sign is not ((byte)'+' or (byte)'-'))
        {
            return new(ReadStatus.Rejected, null, buffer.Start);
        }

        var window = buffer.Length > MaxLength ? buffer.Slice(0, MaxLength) : buffer;
        var reader = new SequenceReader<byte>(window);
        reader.Advance(1);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> text, 0))
        {
            return new(buffer.Length > MaxLength ? ReadStatus.Rejected : ReadStatus.Incomplete, null, buffer.Start);
        }

        return new(ReadStatus.Complete, new MspReply(sign == (byte)'+', Latin1.Decode(text)), reader.Position);
    }
}
