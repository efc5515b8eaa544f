namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// A message an RWP client asked to SEND: what FROM, TO, FHST, FWDS and DATA gave.
/// </summary>
/// <param name="From">Sender's user name (unverified).</param>
/// <param name="To">Recipient, with host and terminal if given.</param>
/// <param name="Body">The decoded text, lines separated by CR LF.</param>
public sealed record RwpEnvelope(string From, RwpRecipient To, string Body)
{
    /// <summary>FHST: original host and forwarders, or null when the client sent none (then the peer is the origin).</summary>
    public RwpHostPath? HostPath { get; init; }

    /// <summary>FWDS as received: times already forwarded, -1 for an autoreply, null when not sent (0).</summary>
    public int? ForwardCount { get; init; }

    /// <summary>
    /// True when the message must not be forwarded to another site: FWDS was at or over the hop
    /// limit (the client was told 676 and sent anyway), or FWDS -1 marked an autoreply. A message
    /// for a remote recipient then fails with 677.
    /// </summary>
    public bool LocalOnly { get; init; }

    /// <summary>FWDS -1: an automatic reply, never to be forwarded nor answered automatically.</summary>
    public bool IsAutoreply => ForwardCount == -1;

    /// <summary>The FWDS value the next site must receive if this message is forwarded.</summary>
    public int NextForwardCount => Math.Max(ForwardCount ?? 0, 0) + 1;
}
