using System.Buffers;
using System.Buffers.Binary;

namespace MsgRelay.Remote;

/// <summary>What <see cref="FrameCodec.TryRead"/> found at the start of the buffer.</summary>
public enum FrameReadResult
{
    /// <summary>A whole frame was read.</summary>
    Complete,

    /// <summary>More bytes are needed.</summary>
    Incomplete,

    /// <summary>The length prefix exceeds the cap: the connection must be closed (the stream cannot be resynchronised).</summary>
    TooLarge,
}

/// <summary>
/// Frames on a node-to-node byte stream: a 4-byte big-endian payload length, then the payload
/// (one protobuf <c>Frame</c>). The cap is enforced on the length prefix, before any payload is
/// buffered, so a broken or hostile peer cannot make us allocate.
/// </summary>
public static class FrameCodec
{
    /// <summary>Bytes of the length prefix.</summary>
    public const int HeaderSize = 4;

    /// <summary>
    /// Reads one frame from the start of <paramref name="buffer"/>; on <see cref="FrameReadResult.Complete"/>
    /// <paramref name="payload"/> is the frame body and <paramref name="consumed"/> the position after it.
    /// </summary>
    public static FrameReadResult TryRead(in ReadOnlySequence<byte> buffer, int maximumFrameSize, out ReadOnlySequence<byte> payload, out SequencePosition consumed)
    {
        payload = default;
        consumed = buffer.Start;
        if (buffer.Length < HeaderSize)
        {
            return FrameReadResult.Incomplete;
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (length > (uint)maximumFrameSize)
        {
            return FrameReadResult.TooLarge;
        }
        if (buffer.Length - HeaderSize < length)
        {
            return FrameReadResult.Incomplete;
        }
        payload = buffer.Slice(HeaderSize, length);
        consumed = payload.End;
        return FrameReadResult.Complete;
    }

    /// <summary>Writes the length prefix and <paramref name="payload"/>; throws when the payload exceeds the cap.</summary>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> payload, int maximumFrameSize)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (payload.Length > maximumFrameSize)
        {
            throw new FrameTooLargeException(payload.Length, maximumFrameSize);
        }
        var span = writer.GetSpan(HeaderSize + payload.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)payload.Length);
        payload.CopyTo(span[HeaderSize..]);
        writer.Advance(HeaderSize + payload.Length);
    }
}
