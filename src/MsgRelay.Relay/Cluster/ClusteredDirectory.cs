using MsgRelay.Actors;
using MsgRelay.Cluster.Sharding;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using MsgRelay.Remote;
using ClusterMembership = MsgRelay.Cluster.Cluster;
using MemberStatus = MsgRelay.Cluster.MemberStatus;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The user directory on the cluster: <see cref="UserDirectory"/> entities on the cluster's shard
/// region (type name <see cref="TypeName"/>), each rebuilding its sessions from the session registry
/// of every node that may still hold some.
/// </summary>
public static class ClusteredDirectory
{
    /// <summary>The sharded entity type; the same on every node.</summary>
    public const string TypeName = "user-directory";

    /// <summary>Path of every node's session registry (RelayCore starts it as <c>sessions</c>).</summary>
    public const string RegistryPath = "/user/sessions";

    /// <summary>Whether the cluster has been started for <paramref name="system"/>.</summary>
    public static bool IsClustered(ActorSystem system)
    {
        try
        {
            _ = ClusterMembership.Get(system);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Registers the relay's wire messages and starts this node's directory region; returns its
    /// <see cref="DirectoryFront"/>, which the router and agent sessions send to.
    /// </summary>
    public static IActorRef Start(ActorSystem system, RelaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = ClusterMembership.Get(system);
        RelayWireFormat.Register(cluster.Remoting);
        var region = ClusterSharding.Get(system).Start(
            TypeName,
            id => UserDirectory.Props(id, settings, () => Registries(cluster)),
            new DirectoryShardExtractor(settings.NumberOfShards));
        return new DirectoryFront(system, region, settings.NumberOfShards);
    }

    // Every member whose agents may still be connected (a leaving node serves its sessions until it
    // exits), except those this node's view marks unreachable: they cannot answer, and waiting the
    // whole rebuild timeout for them made a message to a crashed node's user miss the failure budget
    // when its shard moved before this node saw the crashed node downed. Their sessions cannot take
    // deliveries meanwhile, and every node re-registers its sessions after membership changes.
    private static IReadOnlyList<IActorRef> Registries(ClusterMembership cluster)
    {
        var remoting = cluster.Remoting;
        var state = cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        return [.. state.Members
            .Where(m => m.Status is MemberStatus.Joining or MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Exiting)
            .Where(m => m.Address == cluster.SelfAddress || !unreachable.Contains(m.Address))
            .Select(m => m.Address == cluster.SelfAddress
                ? remoting.ResolveActorRef(m.Address + RegistryPath)
                : (IActorRef)remoting.RemoteRef(m.Address, RegistryPath))];
    }
}
