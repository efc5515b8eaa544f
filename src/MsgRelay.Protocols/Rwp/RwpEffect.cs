namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// What the caller of <see cref="RwpSession"/> must do after a line. The session has already
/// written every reply it could give by itself; for <see cref="Send"/>, <see cref="Verify"/> and
/// <see cref="Quote"/> the caller performs the work and then writes the outcome with
/// <see cref="RwpResponseWriter.WriteWithReady"/>, before feeding the session further lines.
/// </summary>
public abstract record RwpEffect
{
    private protected RwpEffect()
    {
    }

    /// <summary>Nothing to do: the session answered.</summary>
    public static RwpEffect None { get; } = new Nothing();

    /// <summary>Route and deliver; answer 103/104 (optionally after autoreply lines) or 669/670/671/677.</summary>
    public sealed record Send(RwpEnvelope Envelope) : RwpEffect;

    /// <summary>Check the recipient; answer 108, 110 (with address), or 669/670/671/677.</summary>
    /// <param name="Recipient">The current TO.</param>
    /// <param name="LocalOnly">The recipient cannot be forwarded to (FWDS at the limit or -1): answer 677 for remote users.</param>
    public sealed record Verify(RwpRecipient Recipient, bool LocalOnly) : RwpEffect;

    /// <summary>Server-specific command; answer 112, 678 or 679 (unknown name).</summary>
    /// <param name="Name">Upper-cased command name (AGENT, KEY, ACK, ...).</param>
    /// <param name="Arguments">The rest of the line, trimmed.</param>
    public sealed record Quote(string Name, string Arguments) : RwpEffect;

    /// <summary>The session ended (QUIT/BYE answered with 101): flush and close the connection.</summary>
    public sealed record Close : RwpEffect;

    private sealed record Nothing : RwpEffect;
}
