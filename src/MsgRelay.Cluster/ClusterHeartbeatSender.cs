using MsgRelay.Actors;
using MsgRelay.Cluster.Wire;
using MsgRelay.Remote;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Cluster;

/// <summary>
/// Sends a heartbeat to every other member each heartbeat-interval and feeds the replies into
/// one phi-accrual detector per member; tells the core when a member becomes unreachable or
/// reachable again (the core turns that into reachability gossip). All-to-all, because a site
/// has a handful of nodes and every member then has every other as observer.
/// </summary>
internal sealed partial class ClusterHeartbeatSender : ReceiveActor, IWithTimers
{
    public const string ReceiverPath = ClusterCoreDaemon.CorePath + "/heartbeat-receiver";

    private readonly Cluster _cluster;
    private readonly IActorRef _core;
    private readonly Dictionary<UniqueAddress, PhiAccrualFailureDetector> _detectors = [];
    private readonly HashSet<UniqueAddress> _reportedUnreachable = [];
    private readonly Dictionary<UniqueAddress, DateTimeOffset> _lastReset = [];
    private readonly UniqueAddressData _selfData;
    private long _sequence;

    public ClusterHeartbeatSender(Cluster cluster, IActorRef core)
    {
        _cluster = cluster;
        _core = core;
        _selfData = GossipSerialization.ToData(cluster.SelfUniqueAddress);
        Receive<ClusterCoreDaemon.GossipChanged>(OnGossipChanged);
        Receive<HeartbeatTick>(_ => OnTick());
        Receive<HeartbeatRsp>(OnHeartbeatRsp);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() =>
        Timers.StartPeriodicTimer(HeartbeatTick.Instance, HeartbeatTick.Instance, _cluster.Settings.HeartbeatInterval);

    private void OnGossipChanged(ClusterCoreDaemon.GossipChanged changed)
    {
        var members = changed.Gossip.Members.Select(m => m.UniqueAddress).Where(a => a != _cluster.SelfUniqueAddress).ToHashSet();
        foreach (var gone in _detectors.Keys.Where(k => !members.Contains(k)).ToList())
        {
            _detectors.Remove(gone);
            _reportedUnreachable.Remove(gone);
            _lastReset.Remove(gone);
        }
        foreach (var member in members.Where(m => !_detectors.ContainsKey(m)))
        {
            var settings = _cluster.Settings;
            var detector = new PhiAccrualFailureDetector(settings.FailureDetectorThreshold, settings.MaxSampleSize, settings.MinStdDeviation,
                settings.AcceptableHeartbeatPause, settings.FirstHeartbeatEstimate, TimeProvider.System);
            // Monitoring starts now, as if a first heartbeat had arrived: a member that never answers still becomes unreachable.
            detector.HeartBeat();
            _detectors[member] = detector;
        }
    }

    private void OnTick()
    {
        _sequence++;
        foreach (var member in _detectors.Keys)
        {
            _cluster.Remoting.RemoteRef(member.Address, ReceiverPath).Tell(new Heartbeat { From = _selfData, Sequence = _sequence }, Self);
        }
        foreach (var (member, detector) in _detectors)
        {
            var available = detector.IsAvailable;
            if (!available && _reportedUnreachable.Add(member))
            {
                _core.Tell(new ClusterCoreDaemon.ReachabilityChanged(member, Reachable: false));
            }
            else if (available && _reportedUnreachable.Remove(member))
            {
                _core.Tell(new ClusterCoreDaemon.ReachabilityChanged(member, Reachable: true));
                _lastReset.Remove(member);
            }
            if (!available)
            {
                ReconnectNowAndThen(member);
            }
        }
    }

    // A silent member may be behind a connection that takes writes but delivers nothing; only a
    // new connection tells that apart from a dead node. Redial at once, then once per
    // acceptable-heartbeat-pause while it stays silent (a dead node costs one failed connect).
    private void ReconnectNowAndThen(UniqueAddress member)
    {
        var now = Context.System.Scheduler.Now;
        if (_lastReset.TryGetValue(member, out var last) && now - last < _cluster.Settings.AcceptableHeartbeatPause)
        {
            return;
        }
        _lastReset[member] = now;
        _cluster.Remoting.ResetAssociation(member.Address);
    }

    private void OnHeartbeatRsp(HeartbeatRsp response)
    {
        if (_detectors.TryGetValue(GossipSerialization.FromData(response.From), out var detector))
        {
            detector.HeartBeat();
        }
    }
}
