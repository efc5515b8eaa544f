namespace MsgRelay.Protocols.Rwp;

/// <summary>The result of feeding one line to an <see cref="RwpSession"/>.</summary>
/// <param name="Effect">What the caller must do next.</param>
/// <param name="Reply">The answer the session wrote (for HELP the 510 code, for the greeting-like
/// answers their line), or null when it wrote none (body lines, effects left to the caller).</param>
public readonly record struct RwpStep(RwpEffect Effect, RwpReply? Reply)
{
    /// <summary>Code of <see cref="Reply"/>, 0 when the session wrote nothing.</summary>
    public int ReplyCode => Reply?.Code ?? 0;
}
