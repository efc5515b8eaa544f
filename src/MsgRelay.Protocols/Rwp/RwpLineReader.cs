using System.Buffers;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// Splits an RWP byte stream into lines: LF ends a line, a CR just before it is dropped (the
/// reference client writes LF only, others CR LF), and lines may arrive in any number of pieces.
/// </summary>
/// <remarks>
/// One instance per connection. Its only state is whether it is skipping the rest of an
/// over-long line: such a line is reported once as soon as the limit is passed, so nothing is
/// buffered beyond the limit, and its remaining bytes are then dropped up to and including the LF.
/// </remarks>
public sealed class RwpLineReader
{
    /// <summary>Default longest line content (CR and LF not counted), see <see cref="RwpSessionSettings.MaxLineLength"/>.</summary>
    public const int DefaultMaxLineLength = 1024;

    private bool _discarding;

    /// <summary>Creates a reader accepting lines of at most <paramref name="maxLineLength"/> octets.</summary>
    public RwpLineReader(int maxLineLength = DefaultMaxLineLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 1);
        MaxLineLength = maxLineLength;
    }

    /// <summary>Longest line content in octets, CR and LF not counted.</summary>
    public int MaxLineLength { get; }

    /// <summary>True while the rest of an over-long line is being dropped.</summary>
    public bool IsDiscarding => _discarding;

    /// <summary>Reads the next line from the start of <paramref name="buffer"/>.</summary>
    public RwpLineResult Read(in ReadOnlySequence<byte> buffer)
    {
        var rest = buffer;
        if (_discarding)
        {
            var lf = rest.PositionOf((byte)'\n');
            if (lf is null)
            {
                return new RwpLineResult(ReadStatus.Incomplete, null, rest.End);
            }

            _discarding = false;
            rest = rest.Slice(rest.GetPosition(1, lf.Value));
        }

        // Content, an optional CR and the LF: anything past that without an LF is too long.
        var limit = MaxLineLength + 2L;
        var window = rest.Length > limit ? rest.Slice(0, limit) : rest;
        var end = window.PositionOf((byte)'\n');
        if (end is null)
        {
            if (rest.Length < limit)
            {
                return new RwpLineResult(ReadStatus.Incomplete, null, rest.Start);
            }

            // Only the examined window is dropped: its LF may be further on in this very buffer.
            _discarding = true;
            return new RwpLineResult(ReadStatus.Rejected, null, window.End);
        }

        var content = rest.Slice(0, end.Value);
        var next = rest.GetPosition(1, end.Value);
        if (content.Length > 0 && EndsWithCr(content))
        {
            content = content.Slice(0, content.Length - 1);
        }

        if (content.Length > MaxLineLength)
        {
            return new RwpLineResult(ReadStatus.Rejected, null, next);
        }

        return new RwpLineResult(ReadStatus.Complete, Latin1.Decode(content), next);
    }

    /// <summary>
    /// Takes a final, unterminated line when the input has ended (a UDP datagram, a closed
    /// connection): its bytes count as a line if within the limit.
    /// </summary>
    public RwpLineResult ReadFinal(in ReadOnlySequence<byte> buffer)
    {
        var result = Read(buffer);
        if (result.Status != ReadStatus.Incomplete)
        {
            return result;
        }

        var rest = buffer.Slice(result.Consumed);
        if (_discarding || rest.IsEmpty)
        {
            _discarding = false;
            return new RwpLineResult(ReadStatus.Incomplete, null, buffer.End);
        }

        if (EndsWithCr(rest))
        {
            rest = rest.Slice(0, rest.Length - 1);
        }

        return rest.Length > MaxLineLength
            ? new RwpLineResult(ReadStatus.Rejected, null, buffer.End)
            : new RwpLineResult(ReadStatus.Complete, Latin1.Decode(rest), buffer.End);
    }

    private static bool EndsWithCr(in ReadOnlySequence<byte> content)
    {
        if (content.IsEmpty)
        {
            return false;
        }

        return SequenceBytes.Last(content) == (byte)'\r';
    }
}
