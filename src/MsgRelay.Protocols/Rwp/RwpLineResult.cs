namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// What <see cref="RwpLineReader.Read"/> made of the buffered bytes. Always advance the pipe to
/// <see cref="Consumed"/> (examined: the end of the buffer), whatever the status.
/// </summary>
public readonly struct RwpLineResult
{
    internal RwpLineResult(ReadStatus status, string? line, SequencePosition consumed)
    {
        Status = status;
        Line = line;
        Consumed = consumed;
    }

    /// <summary>
    /// <see cref="ReadStatus.Complete"/>: <see cref="Line"/> holds a line.
    /// <see cref="ReadStatus.Incomplete"/>: no whole line yet (bytes of an over-long line may still
    /// have been consumed). <see cref="ReadStatus.Rejected"/>: the line is longer than the limit;
    /// answer 668 once, the reader discards the rest of that line by itself.
    /// </summary>
    public ReadStatus Status { get; }

    /// <summary>The line without its LF or CR LF, decoded as ISO 8859-1, when complete.</summary>
    public string? Line { get; }

    /// <summary>Where the caller's buffer now starts.</summary>
    public SequencePosition Consumed { get; }

    /// <summary>True when the line exceeded the limit (<see cref="ReadStatus.Rejected"/>).</summary>
    public bool IsTooLong => Status == ReadStatus.Rejected;
}
