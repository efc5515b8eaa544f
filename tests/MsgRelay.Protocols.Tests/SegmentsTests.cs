using System.Buffers;

namespace MsgRelay.Protocols.Tests;

public class SegmentsTests
{
    [Fact]
    public void Split_keeps_every_byte_in_order_and_makes_one_segment_per_piece()
    {
        var data = Bytes.Of("abcdef");
        var sequence = Segments.Split(data, 2, 2, 5);

        Assert.Equal(data, sequence.ToArray());
        Assert.Equal(4, Enumerable.Count(EnumerateSegments(sequence)));
    }

    private static IEnumerable<ReadOnlyMemory<byte>> EnumerateSegments(ReadOnlySequence<byte> sequence)
    {
        foreach (var segment in sequence)
        {
            yield return segment;
        }
    }
}
