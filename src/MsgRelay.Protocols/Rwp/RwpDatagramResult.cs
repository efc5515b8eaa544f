namespace MsgRelay.Protocols.Rwp;

/// <summary>What a UDP datagram of RWP commands asked for.</summary>
/// <param name="Envelopes">One per SEND, in order; empty when rejected.</param>
/// <param name="Rejection">The first error the dialogue ran into, or null when it was clean.</param>
public sealed record RwpDatagramResult(IReadOnlyList<RwpEnvelope> Envelopes, RwpReply? Rejection)
{
    /// <summary>True when the datagram is to be dropped as a whole.</summary>
    public bool IsRejected => Rejection is not null;
}
