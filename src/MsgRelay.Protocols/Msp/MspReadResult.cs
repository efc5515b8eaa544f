namespace MsgRelay.Protocols.Msp;

/// <summary>
/// What <see cref="MspReader.Read"/> made of the buffered bytes. Pass <see cref="Consumed"/> as the
/// consumed position to the pipe (the examined position is always the end of the buffer).
/// </summary>
public readonly struct MspReadResult
{
    private MspReadResult(ReadStatus status, MspMessage? message, SequencePosition consumed, int length, MspRejection rejection, string reason)
    {
        Status = status;
        Message = message;
        Consumed = consumed;
        Length = length;
        Rejection = rejection;
        Reason = reason;
    }

    /// <summary>Complete, incomplete or rejected.</summary>
    public ReadStatus Status { get; }

    /// <summary>The message when <see cref="Status"/> is <see cref="ReadStatus.Complete"/>.</summary>
    public MspMessage? Message { get; }

    /// <summary>
    /// End of the message (complete, or rejected with <see cref="CanContinue"/>); otherwise the start
    /// of the buffer.
    /// </summary>
    public SequencePosition Consumed { get; }

    /// <summary>Octets of the framed message (complete or rejected after framing); 0 otherwise.</summary>
    public int Length { get; }

    /// <summary>The rule broken, when rejected.</summary>
    public MspRejection Rejection { get; }

    /// <summary>Short English explanation for the MSP <c>-reason</c> reply and the log; empty unless rejected.</summary>
    public string Reason { get; }

    /// <summary>
    /// True when a rejected message was still framed completely (a content rule was broken), so the
    /// connection can skip <see cref="Length"/> octets and read the next message. False after
    /// <see cref="MspRejection.TooLong"/> or <see cref="MspRejection.UnknownRevision"/>: close.
    /// </summary>
    public bool CanContinue => Status == ReadStatus.Rejected && Length > 0;

    internal static MspReadResult Incomplete(SequencePosition start) =>
        new(ReadStatus.Incomplete, null, start, 0, MspRejection.None, string.Empty);

    internal static MspReadResult Complete(MspMessage message, SequencePosition end, int length) =>
        new(ReadStatus.Complete, message, end, length, MspRejection.None, string.Empty);

    internal static MspReadResult Rejected(MspRejection rejection, string reason, SequencePosition consumed, int length) =>
        new(ReadStatus.Rejected, null, consumed, length, rejection, reason);
}
