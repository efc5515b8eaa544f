using System.Buffers;

namespace MsgRelay.Protocols.Tests;

/// <summary>Builds multi-segment sequences, so readers are tested across every kind of split.</summary>
internal static class Segments
{
    /// <summary>The bytes as one sequence whose segments end at the given cut offsets.</summary>
    public static ReadOnlySequence<byte> Split(ReadOnlySpan<byte> data, params int[] cuts)
    {
        var pieces = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts)
        {
            pieces.Add(data[start..cut].ToArray());
            start = cut;
        }

        pieces.Add(data[start..].ToArray());
        return Join(pieces);
    }

    /// <summary>A sequence with one segment per piece (empty pieces included).</summary>
    public static ReadOnlySequence<byte> Join(IReadOnlyList<byte[]> pieces)
    {
        if (pieces.Count == 1)
        {
            return new ReadOnlySequence<byte>(pieces[0]);
        }

        var first = new Segment(pieces[0], 0);
        var last = first;
        for (var i = 1; i < pieces.Count; i++)
        {
            last = last.Append(pieces[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>Every way to cut the data into two segments (one cut), empty segments included.</summary>
    public static IEnumerable<ReadOnlySequence<byte>> AllTwoWaySplits(byte[] data)
    {
        for (var cut = 0; cut <= data.Length; cut++)
        {
            yield return Split(data, cut);
        }
    }

    /// <summary>Every way to cut the data into three segments (two cuts).</summary>
    public static IEnumerable<ReadOnlySequence<byte>> AllThreeWaySplits(byte[] data)
    {
        for (var a = 0; a <= data.Length; a++)
        {
            for (var b = a; b <= data.Length; b++)
            {
                yield return Split(data, a, b);
            }
        }
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
