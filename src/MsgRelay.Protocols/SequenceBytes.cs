using System.Buffers;

namespace MsgRelay.Protocols;

/// <summary>
/// Single-octet access to sequences whose segments may be empty (a pipe can hand out an empty
/// first segment, so <c>FirstSpan[0]</c> is not safe even on a non-empty sequence).
/// </summary>
internal static class SequenceBytes
{
    /// <summary>The first octet of a non-empty sequence.</summary>
    public static byte First(in ReadOnlySequence<byte> sequence)
    {
        if (!sequence.FirstSpan.IsEmpty)
        {
            return sequence.FirstSpan[0];
        }

        foreach (var segment in sequence)
        {
            if (!segment.IsEmpty)
            {
                return segment.Span[0];
            }
        }

        throw new ArgumentException("The sequence is empty.", nameof(sequence));
    }

    /// <summary>The last octet of a non-empty sequence.</summary>
    public static byte Last(in ReadOnlySequence<byte> sequence) => First(sequence.Slice(sequence.Length - 1));
}
