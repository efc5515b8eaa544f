using System.Buffers;

namespace MsgRelay.Benchmarks.Protocols;

/// <summary>Cuts a buffer into fixed-size segments of one sequence.</summary>
internal static class BenchSegments
{
    public static ReadOnlySequence<byte> Chunk(byte[] data, int size)
    {
        Segment? first = null;
        Segment? last = null;
        for (var at = 0; at < data.Length; at += size)
        {
            var memory = data.AsMemory(at, Math.Min(size, data.Length - at));
            var segment = new Segment(memory, at);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.SetNext(segment);
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public void SetNext(Segment next) => Next = next;
    }
}
