using MsgRelay.Actors;
using MsgRelay.Cluster;
using MsgRelay.Relay.Agents;
using ClusterMembership = MsgRelay.Cluster.Cluster;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// After the membership changes (shards move), tells this node's registry to register its sessions
/// with the directory again, once the change has had time to spread. New entities rebuild from the
/// registries anyway; this covers an entity that started while a registry was slow to answer, or a
/// registration that reached the old owner just before it handed the shard off.
/// </summary>
public sealed class SessionRefresh : ReceiveActor, IWithTimers
{
    /// <summary>How long after the last membership change the sessions are registered again.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly IActorRef _registry;
    private readonly IActorRef _directory;

    /// <summary>Creates the refresher of <paramref name="registry"/>'s sessions with <paramref name="directory"/>.</summary>
    public SessionRefresh(IActorRef registry, IActorRef directory)
    {
        _registry = registry;
        _directory = directory;
        Receive<CurrentClusterState>(_ => { });
        Receive<IMemberEvent>(_ => Timers.StartSingleTimer("refresh", Refresh.Instance, SettleTime));
        Receive<Refresh>(_ => _registry.Tell(new ReregisterLocalSessions(_directory)));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the refresher.</summary>
    public static Props Props(IActorRef registry, IActorRef directory) => Actors.Props.Create(() => new SessionRefresh(registry, directory));

    /// <inheritdoc />
    protected override void PreStart() => ClusterMembership.Get(Context.System).Subscribe(Self, typeof(IMemberEvent));

    /// <inheritdoc />
    protected override void PostStop() => ClusterMembership.Get(Context.System).Unsubscribe(Self);

    private sealed record Refresh
    {
        public static Refresh Instance { get; } = new();
    }
}
