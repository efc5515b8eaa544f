namespace MsgRelay.Relay.Listeners;

/// <summary>The relay took every message of an RWP datagram (the outcomes go nowhere).</summary>
internal sealed record DatagramDialogueRouted
{
    public static DatagramDialogueRouted Instance { get; } = new();
}
