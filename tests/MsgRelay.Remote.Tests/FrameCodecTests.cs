using System.Buffers;

namespace MsgRelay.Remote.Tests;

public class FrameCodecTests
{
    private static byte[] Encode(byte[] payload, int cap = 1024)
    {
        var writer = new ArrayBufferWriter<byte>();
        FrameCodec.Write(writer, payload, cap);
        return writer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Every_proper_prefix_of_a_frame_is_incomplete_and_the_whole_frame_is_complete()
    {
        var payload = Enumerable.Range(0, 50).Select(i => (byte)i).ToArray();
        var bytes = Encode(payload);
        Assert.Equal(54, bytes.Length);
        for (var n = 0; n < bytes.Length; n++)
        {
            Assert.Equal(FrameReadResult.Incomplete, FrameCodec.TryRead(new ReadOnlySequence<byte>(bytes, 0, n), 1024, out _, out _));
        }
        Assert.Equal(FrameReadResult.Complete, FrameCodec.TryRead(new ReadOnlySequence<byte>(bytes), 1024, out var read, out var consumed));
        Assert.Equal(payload, read.ToArray());
        Assert.Equal(bytes.Length, new ReadOnlySequence<byte>(bytes).Slice(0, consumed).Length);
    }

    [Fact]
    public void Frame_split_across_segments_reads_the_same_payload()
    {
        var bytes = Encode([1, 2, 3, 4, 5, 6, 7]).Concat(Encode([9])).ToArray();
        for (var split = 1; split < bytes.Length; split++)
        {
            var sequence = Segments.Of(bytes[..split], bytes[split..]);
            Assert.Equal(FrameReadResult.Complete, FrameCodec.TryRead(sequence, 1024, out var payload, out var consumed));
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7 }, payload.ToArray());
            Assert.Equal(FrameReadResult.Complete, FrameCodec.TryRead(sequence.Slice(consumed), 1024, out var second, out _));
            Assert.Equal(new byte[] { 9 }, second.ToArray());
        }
    }

    [Fact]
    public void Length_prefix_above_the_cap_is_rejected_before_the_payload_arrives()
    {
        var header = new byte[] { 0, 0, 4, 1 };
        Assert.Equal(FrameReadResult.TooLarge, FrameCodec.TryRead(new ReadOnlySequence<byte>(header), 1024, out _, out _));
    }

    [Fact]
    public void Writing_a_payload_above_the_cap_throws()
    {
        Assert.Throws<FrameTooLargeException>(() => Encode(new byte[1025], 1024));
    }

    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(byte[] memory) => Memory = memory;

        public static ReadOnlySequence<byte> Of(byte[] first, byte[] second)
        {
            var a = new Segments(first);
            var b = new Segments(second) { RunningIndex = first.Length };
            a.Next = b;
            return new ReadOnlySequence<byte>(a, 0, b, second.Length);
        }
    }
}
