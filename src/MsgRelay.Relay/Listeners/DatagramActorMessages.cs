namespace MsgRelay.Relay.Listeners;

/// <summary>The relay took every message of an RWP datagram (the outcomes go nowhere).</summary>
internal sealed record DatagramDialogueRouted
{
    public static DatagramDialogueRouted Instance { get; } = new();
}

/// <summary>The listener's periodic clock tick to its datagram actors: those waiting longer than the route timeout give up.</summary>
internal sealed record DatagramDeadline(DateTimeOffset Now);
