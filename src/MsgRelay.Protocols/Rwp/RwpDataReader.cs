using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// Collects DATA body lines up to the lone <c>.</c>, decoding <c>=XX</c> quoting. Limits are
/// checked as lines arrive, so an over-limit body stops being stored at once; it is still read to
/// its dot (the client sends it without waiting), and only then reported, so the stream stays in
/// step with the client.
/// </summary>
public sealed class RwpDataReader
{
    private readonly int _maxLines;
    private readonly int _maxBytes;
    private readonly List<string> _lines = [];
    private int _bytes;
    private RwpDataStatus _overflow = RwpDataStatus.Collecting;

    /// <summary>Creates a reader for one body.</summary>
    public RwpDataReader(int maxLines, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        _maxLines = maxLines;
        _maxBytes = maxBytes;
    }

    /// <summary>The body once <see cref="RwpDataStatus.Complete"/>: decoded lines joined with CR LF.</summary>
    public string Body { get; private set; } = string.Empty;

    /// <summary>Takes one raw (still quoted) line.</summary>
    public RwpDataStatus Add(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line == ".")
        {
            return Finish();
        }

        if (_overflow != RwpDataStatus.Collecting)
        {
            return RwpDataStatus.Collecting;
        }

        var decoded = RwpQuoting.Decode(line);
        _bytes += decoded.Length + (_lines.Count > 0 ? MessageLines.Separator.Length : 0);
        if (_lines.Count + 1 > _maxLines)
        {
            Overflow(RwpDataStatus.TooManyLines);
        }
        else if (_bytes > _maxBytes)
        {
            Overflow(RwpDataStatus.TooManyBytes);
        }
        else
        {
            _lines.Add(decoded);
        }

        return RwpDataStatus.Collecting;
    }

    /// <summary>Records that a body line exceeded the line length limit (the line reader dropped it).</summary>
    public void AddTooLongLine()
    {
        if (_overflow == RwpDataStatus.Collecting)
        {
            Overflow(RwpDataStatus.TooManyBytes);
        }
    }

    private void Overflow(RwpDataStatus status)
    {
        _overflow = status;
        _lines.Clear();
    }

    private RwpDataStatus Finish()
    {
        if (_overflow != RwpDataStatus.Collecting)
        {
            return _overflow;
        }

        Body = MessageLines.Join(_lines);
        return Body.Length == 0 ? RwpDataStatus.Empty : RwpDataStatus.Complete;
    }
}
