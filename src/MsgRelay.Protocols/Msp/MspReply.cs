namespace MsgRelay.Protocols.Msp;

/// <summary>A version 2 reply as read by a client: positive or negative, with its explanation.</summary>
/// <param name="Positive">True for <c>+</c>.</param>
/// <param name="Text">The explanation after the sign, possibly empty.</param>
public sealed record MspReply(bool Positive, string Text);
