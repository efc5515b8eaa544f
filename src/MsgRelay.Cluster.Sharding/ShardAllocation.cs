using MsgRelay.Remote;

namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// Where each shard lives: rendezvous hashing over the Up members (see <see cref="RendezvousHashing"/>),
/// computed by every region from its own view of the membership. No coordinator: once gossip has
/// converged, every node names the same owner. Leaving, Exiting and Down members own nothing, so a
/// graceful leave moves a node's shards before it goes.
/// </summary>
public sealed class ShardAllocation
{
    private readonly Address[] _owners;

    /// <summary>The allocation for <paramref name="state"/>.</summary>
    public ShardAllocation(CurrentClusterState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _owners = state.Members.Where(m => m.Status == MemberStatus.Up).Select(m => m.Address).ToArray();
    }

    /// <summary>The nodes shards are spread over.</summary>
    public IReadOnlyList<Address> Owners => _owners;

    /// <summary>The owner of <paramref name="shardId"/>, or null when no member is Up.</summary>
    public Address? OwnerOf(string shardId) => RendezvousHashing.OwnerOf(shardId, _owners);
}
