using System.Buffers;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Msp;

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
