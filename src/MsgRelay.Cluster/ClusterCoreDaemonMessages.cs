using MsgRelay.Actors;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

internal sealed partial class ClusterCoreDaemon
{
    /// <summary>Start joining: through these seeds, or alone when the list is empty.</summary>
    public sealed record JoinSeedNodes(IReadOnlyList<Address> Seeds);

    /// <summary>Mark the member at this address Leaving.</summary>
    public sealed record LeaveCommand(Address Address);

    /// <summary>Mark the member at this address Down.</summary>
    public sealed record DownCommand(Address Address);

    /// <summary>The downing strategy's decision.</summary>
    public sealed record DownMembers(IReadOnlyList<UniqueAddress> Nodes);

    /// <summary>This node's failure detector changed its mind about a member.</summary>
    public sealed record ReachabilityChanged(UniqueAddress Subject, bool Reachable);

    /// <summary>Send the current state, then the events of these types, to the subscriber.</summary>
    public sealed record SubscribeCommand(IActorRef Subscriber, IReadOnlyList<Type> EventTypes);

    /// <summary>Stop sending events to the subscriber.</summary>
    public sealed record UnsubscribeCommand(IActorRef Subscriber);

    /// <summary>The gossip changed (to the heartbeat and downing children).</summary>
    public sealed record GossipChanged(Gossip Gossip);

    private sealed record GossipTick
    {
        public static GossipTick Instance { get; } = new();
    }

    private sealed record LeaderActionsTick
    {
        public static LeaderActionsTick Instance { get; } = new();
    }

    private sealed record JoinRetryTick
    {
        public static JoinRetryTick Instance { get; } = new();
    }
}
