using System.Runtime.CompilerServices;
using MsgRelay.Actors;
using MsgRelay.Cluster.Wire;
using MsgRelay.Hocon;
using MsgRelay.Remote;
using MsgRelay.Remote.Transport.Tcp;

namespace MsgRelay.Cluster;

/// <summary>
/// The cluster membership of one actor system (Akka's Cluster extension). Start it once from the
/// node's configuration with <see cref="StartAsync"/>, then use <see cref="Get"/> anywhere.
/// </summary>
public sealed class Cluster
{
    private static readonly ConditionalWeakTable<ActorSystem, Cluster> s_instances = new();
    private readonly Lock _gate = new();
    private readonly List<Action> _onMemberUp = [];
    private readonly List<Action> _onMemberRemoved = [];
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _exiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _removed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActorRef _core = ActorRefs.Nobody;
    private volatile CurrentClusterState _state = CurrentClusterState.Empty;
    private volatile Member _selfMember;

    private Cluster(ActorSystem system, ClusterSettings settings, Remoting remoting)
    {
        System = system;
        Settings = settings;
        Remoting = remoting;
        _selfMember = new Member(remoting.LocalAddress, MemberStatus.Removed);
    }

    /// <summary>The system this cluster membership belongs to.</summary>
    public ActorSystem System { get; }

    /// <summary>The settings in effect.</summary>
    public ClusterSettings Settings { get; }

    /// <summary>Remoting underneath (serialization registry, remote refs).</summary>
    public Remoting Remoting { get; }

    /// <summary>This node's address and incarnation.</summary>
    public UniqueAddress SelfUniqueAddress => Remoting.LocalAddress;

    /// <summary>This node's address.</summary>
    public Address SelfAddress => Remoting.LocalAddress.Address;

    /// <summary>This node as a member; status Removed before it joined and after it left.</summary>
    public Member SelfMember => _selfMember;

    /// <summary>The latest state as seen by this node.</summary>
    public CurrentClusterState State => _state;

    /// <summary>Completes when this node is Up.</summary>
    public Task WhenMemberUp => _up.Task;

    /// <summary>Completes when this node has been removed (left or downed).</summary>
    public Task WhenRemoved => _removed.Task;

    /// <summary>
    /// Starts remoting and cluster membership for <paramref name="system"/> from
    /// <paramref name="config"/> (<c>msgrelay.remote</c>, <c>msgrelay.cluster</c>; the embedded
    /// defaults are the fallback) and begins joining the seed nodes. <paramref name="transport"/>
    /// defaults to TCP; tests pass an in-memory one.
    /// </summary>
    public static async Task<Cluster> StartAsync(ActorSystem system, Config config, ITransport? transport = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(config);
        var full = config.WithFallback(ClusterSettings.Reference);
        var settings = ClusterSettings.FromConfig(full);
        var remoteSettings = RemoteSettings.FromConfig(full);
        var seeds = settings.SeedNodes.Select(s => Address.FromHostPort(system.Name, s)).ToList();
        transport ??= new TcpTransport(remoteSettings.MaximumFrameSize, settings.BindHost);
        var remoting = await Remoting.StartAsync(system, settings.Host, settings.Port, transport, remoteSettings, cancellationToken).ConfigureAwait(false);
        RegisterMessages(remoting);
        var cluster = new Cluster(system, settings, remoting);
        if (!s_instances.TryAdd(system, cluster))
        {
            throw new InvalidOperationException($"The cluster is already started for {system}");
        }
        ClusterLog.Starting(remoting.Log, remoting.LocalAddress.ToString(), string.Join(", ", settings.SeedNodes));
        cluster._core = system.SystemActorOf(Props.Create(() => new ClusterCoreDaemon(cluster)), ClusterCoreDaemon.CorePath["/system/".Length..]);
        cluster.AddShutdownTasks();
        cluster._core.Tell(new ClusterCoreDaemon.JoinSeedNodes(seeds));
        return cluster;
    }

    /// <summary>The cluster of <paramref name="system"/>; throws when it was not started.</summary>
    public static Cluster Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_instances.TryGetValue(system, out var cluster)
            ? cluster
            : throw new InvalidOperationException($"The cluster was not started for {system}; call Cluster.StartAsync first");
    }

    /// <summary>
    /// Sends <paramref name="subscriber"/> a <see cref="CurrentClusterState"/> now, then every event
    /// assignable to one of <paramref name="eventTypes"/> (e.g. <c>typeof(IMemberEvent)</c>); none means all cluster events.
    /// </summary>
    public void Subscribe(IActorRef subscriber, params Type[] eventTypes)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(eventTypes);
        _core.Tell(new ClusterCoreDaemon.SubscribeCommand(subscriber, eventTypes.Length == 0 ? [typeof(IClusterDomainEvent)] : eventTypes));
    }

    /// <summary>Stops the events to <paramref name="subscriber"/>.</summary>
    public void Unsubscribe(IActorRef subscriber) => _core.Tell(new ClusterCoreDaemon.UnsubscribeCommand(subscriber));

    /// <summary>Asks the member at <paramref name="address"/> to leave gracefully (Leaving, Exiting, Removed).</summary>
    public void Leave(Address address) => _core.Tell(new ClusterCoreDaemon.LeaveCommand(address));

    /// <summary>Declares the member at <paramref name="address"/> Down; the leader removes it.</summary>
    public void Down(Address address) => _core.Tell(new ClusterCoreDaemon.DownCommand(address));

    /// <summary>Runs <paramref name="callback"/> once this node is Up (at once when it already is).</summary>
    public void RegisterOnMemberUp(Action callback) => Register(_onMemberUp, _up.Task, callback);

    /// <summary>Runs <paramref name="callback"/> once this node is removed (at once when it already is).</summary>
    public void RegisterOnMemberRemoved(Action callback) => Register(_onMemberRemoved, _removed.Task, callback);

    internal void OnStateChanged(CurrentClusterState state, Member? self)
    {
        _state = state;
        if (self is not null)
        {
            _selfMember = self;
            if (self.Status == MemberStatus.Up)
            {
                Fire(_onMemberUp, _up);
            }
            if (self.Status is MemberStatus.Exiting or MemberStatus.Down)
            {
                _exiting.TrySetResult();
            }
        }
    }

    internal void OnSelfRemoved()
    {
        _selfMember = _selfMember.WithStatus(MemberStatus.Removed);
        _exiting.TrySetResult();
        Fire(_onMemberRemoved, _removed);
    }

    private static void RegisterMessages(Remoting remoting)
    {
        var serialization = remoting.Serialization;
        serialization.Register("cluster.InitJoin", InitJoin.Parser);
        serialization.Register("cluster.InitJoinAck", InitJoinAck.Parser);
        serialization.Register("cluster.Join", Join.Parser);
        serialization.Register("cluster.Welcome", Welcome.Parser);
        serialization.Register("cluster.Gossip", GossipEnvelope.Parser);
        serialization.Register("cluster.Heartbeat", Heartbeat.Parser);
        serialization.Register("cluster.HeartbeatRsp", HeartbeatRsp.Parser);
    }

    private void AddShutdownTasks()
    {
        var shutdown = CoordinatedShutdown.Get(System);
        shutdown.AddTask(CoordinatedShutdown.PhaseClusterLeave, "leave", () =>
        {
            if (_selfMember.Status is MemberStatus.Joining or MemberStatus.Up)
            {
                Leave(SelfAddress);
                return _exiting.Task;
            }
            return _selfMember.Status == MemberStatus.Leaving ? _exiting.Task : Task.CompletedTask;
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseClusterExiting, "wait-removed", () =>
            _selfMember.Status is MemberStatus.Exiting or MemberStatus.Leaving ? _removed.Task : Task.CompletedTask);
    }

    private void Register(List<Action> callbacks, Task done, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            if (!done.IsCompleted)
            {
                callbacks.Add(callback);
                return;
            }
        }
        callback();
    }

    private void Fire(List<Action> callbacks, TaskCompletionSource done)
    {
        List<Action> toRun;
        lock (_gate)
        {
            if (!done.TrySetResult())
            {
                return;
            }
            toRun = [.. callbacks];
            callbacks.Clear();
        }
        foreach (var callback in toRun)
        {
            callback();
        }
    }
}
