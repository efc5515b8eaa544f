namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// One message pushed to an agent session as a <c>511</c> block (ARCHITECTURE.md "Agent sessions"):
/// <code>
/// 511 MSG id from-user@from-host from-tty hops unix-ms
/// 511 |body line, RWP-quoted
/// 511 .
/// </code>
/// Header words are quoted with <see cref="RwpQuoting.EncodeWord"/> (space, <c>@</c>, <c>=</c>,
/// control codes, angle brackets as <c>=XX</c>; empty as <c>-</c>), so every header has exactly six
/// words and an empty terminal shows as <c>-</c>.
/// </summary>
/// <param name="Id">Delivery id the agent acknowledges with <c>QUOTE ACK id</c>.</param>
/// <param name="FromUser">Sender's user name (unverified unless signed).</param>
/// <param name="FromHost">Sender's host.</param>
/// <param name="FromTty">Sender's terminal; empty when unknown.</param>
/// <param name="Hops">How often the message was forwarded between sites.</param>
/// <param name="UnixMilliseconds">When the message was accepted, Unix time in milliseconds.</param>
/// <param name="Body">The text, lines separated by CR LF.</param>
public sealed record RwpAgentDelivery(
    string Id,
    string FromUser,
    string FromHost,
    string FromTty,
    int Hops,
    long UnixMilliseconds,
    string Body);
