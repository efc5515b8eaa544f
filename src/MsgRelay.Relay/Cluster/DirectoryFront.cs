using MsgRelay.Actors;
using MsgRelay.Cluster.Sharding;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using ClusterMembership = MsgRelay.Cluster.Cluster;
using CurrentClusterState = MsgRelay.Cluster.CurrentClusterState;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The directory as the rest of the relay sees it on a cluster node: passes everything to the shard
/// region, except Route and VerifyRecipient for a shard another node owns, which get a
/// <see cref="DirectoryRequest"/> so a crash of that node cannot leave their sender unanswered.
/// </summary>
/// <remarks>
/// An inline reference (the decision runs in the sender's turn): finding a shard's owner reads the
/// membership snapshot only, and a mailbox in front of the region would cost a thread-pool hand-off
/// per message. Only requests for another node's shard go through an actor, which starts their
/// <see cref="DirectoryRequest"/> children.
/// </remarks>
public sealed class DirectoryFront : IInlineActorRef
{
    private readonly IActorRef _region;
    private readonly DirectoryShardExtractor _extractor;
    private readonly ClusterMembership _cluster;
    private readonly IActorRef _requests;
    private volatile Snapshot? _allocation;

    /// <summary>Creates the front of <paramref name="region"/>, with its request starter as top-level actor <c>directory-requests</c>.</summary>
    public DirectoryFront(ActorSystem system, IActorRef region, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(region);
        System = system;
        _region = region;
        _extractor = new DirectoryShardExtractor(numberOfShards);
        _cluster = ClusterMembership.Get(system);
        _requests = system.ActorOf(DirectoryRequests.Props(region), "directory-requests");
        _cluster.Subscribe(_requests, typeof(MsgRelay.Cluster.MemberDowned), typeof(MsgRelay.Cluster.MemberRemoved));
        Path = ActorPath.CreateRoot(system.Name) / "user" / "user-directory";
    }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <inheritdoc />
    public ActorSystem System { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        if (message is ShardEnvelope { Message: Route or VerifyRecipient } envelope
            && OwnerOf(envelope) is { } owner
            && owner != _cluster.SelfAddress)
        {
            _requests.Tell(new StartDirectoryRequest(envelope, owner), sender);
            return;
        }

        // This node's shard, or no owner yet (the region buffers until there is one).
        _region.Tell(message, sender);
    }

    /// <inheritdoc />
    public override string ToString() => Path.ToString();

    // The allocation is recomputed only when the membership snapshot changes; the pair is one
    // object swapped whole, so concurrent callers see one consistent pair or compute their own.
    private Remote.Address? OwnerOf(ShardEnvelope envelope)
    {
        var state = _cluster.State;
        var snapshot = _allocation;
        if (snapshot is null || !ReferenceEquals(snapshot.State, state))
        {
            snapshot = new Snapshot(state, new ShardAllocation(state));
            _allocation = snapshot;
        }

        return snapshot.Allocation.OwnerOf(_extractor.ShardId(envelope));
    }

    private sealed record Snapshot(CurrentClusterState State, ShardAllocation Allocation);
}
