using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Listeners;

/// <summary>The relay's answer for an MSP datagram; null when it did not answer in time.</summary>
internal sealed record DatagramRouted(DeliveryOutcome? Outcome);

/// <summary>The relay took every message of an RWP datagram (the outcomes go nowhere).</summary>
internal sealed record DatagramDialogueRouted
{
    public static DatagramDialogueRouted Instance { get; } = new();
}
