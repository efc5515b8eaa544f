using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;
using ClusterMembership = MsgRelay.Cluster.Cluster;
using MemberStatus = MsgRelay.Cluster.MemberStatus;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The router's view of the site's sessions on a cluster node: a broadcast (or a message for a
/// terminal of any user) goes to the session registry of every member, and counts as delivered
/// when any node delivered it (delivery rule 5: every session of the site). Everything else is
/// this node's registry's business.
/// </summary>
public sealed class SiteSessions : ReceiveActor
{
    private readonly IActorRef _localRegistry;
    private readonly TimeSpan _ackTimeout;
    private readonly ClusterMembership _cluster;

    /// <summary>Creates the front of <paramref name="localRegistry"/>.</summary>
    public SiteSessions(IActorRef localRegistry, TimeSpan ackTimeout)
    {
        _localRegistry = localRegistry;
        _ackTimeout = ackTimeout;
        _cluster = ClusterMembership.Get(Context.System);
        Receive<DeliverToLocalSessions>(OnDeliver);
        ReceiveAny(m => _localRegistry.Tell(m, Sender));
    }

    /// <summary>Props of the front.</summary>
    public static Props Props(IActorRef localRegistry, TimeSpan ackTimeout) => Actors.Props.Create(() => new SiteSessions(localRegistry, ackTimeout));

    private void OnDeliver(DeliverToLocalSessions deliver)
    {
        var registries = _cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving && m.Address != _cluster.SelfAddress)
            .Select(m => (IActorRef)_cluster.Remoting.RemoteRef(m.Address, ClusteredDirectory.RegistryPath))
            .Prepend(_localRegistry)
            .ToList();
        Context.ActorOf(SiteBroadcast.Props(registries, deliver, Sender, _ackTimeout));
    }
}
