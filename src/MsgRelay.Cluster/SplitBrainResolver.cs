using MsgRelay.Actors;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// Downing (Akka's SplitBrainResolver): once the set of unreachable members has stayed the same
/// for stable-after, the leader of this side applies the configured strategy
/// (<see cref="SplitBrainDecision"/>) and asks the core to down either the unreachable members or
/// its own side, this node included. Only the side's leader acts, so one decision is made per side.
/// </summary>
internal sealed partial class SplitBrainResolver : ReceiveActor, IWithTimers
{
    private readonly Cluster _cluster;
    private readonly IActorRef _core;
    private Gossip _gossip = Gossip.Empty;
    private HashSet<UniqueAddress> _unreachable = [];
    private DateTimeOffset _stableSince;

    public SplitBrainResolver(Cluster cluster, IActorRef core)
    {
        _cluster = cluster;
        _core = core;
        Receive<ClusterCoreDaemon.GossipChanged>(OnGossipChanged);
        Receive<DowningTick>(_ => OnTick());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _stableSince = Context.System.Scheduler.Now;
        if (_cluster.Settings.DowningStrategy != DowningStrategy.Off)
        {
            // A quarter of stable-after: the decision comes at most 25% late.
            var interval = TimeSpan.FromTicks(Math.Max(_cluster.Settings.StableAfter.Ticks / 4, TimeSpan.FromMilliseconds(10).Ticks));
            Timers.StartPeriodicTimer(DowningTick.Instance, DowningTick.Instance, interval);
        }
    }

    private void OnGossipChanged(ClusterCoreDaemon.GossipChanged changed)
    {
        _gossip = changed.Gossip;
        var unreachable = SplitBrainDecision.UnreachableFrom(_gossip, _cluster.SelfUniqueAddress).ToHashSet();
        if (!unreachable.SetEquals(_unreachable))
        {
            _unreachable = unreachable;
            _stableSince = Context.System.Scheduler.Now;
        }
    }

    private void OnTick()
    {
        var self = _cluster.SelfUniqueAddress;
        if (_unreachable.Count == 0 || _gossip.Leader(self) != self || Context.System.Scheduler.Now - _stableSince < _cluster.Settings.StableAfter)
        {
            return;
        }
        var settings = _cluster.Settings;
        var outcome = SplitBrainDecision.Decide(settings.DowningStrategy, _gossip.Members, _unreachable, settings.QuorumSize, settings.DownIfAlone);
        var toDown = outcome switch
        {
            SplitBrainOutcome.DownUnreachable => _unreachable.ToList(),
            SplitBrainOutcome.DownReachable => _gossip.Members.Select(m => m.UniqueAddress).Where(a => !_unreachable.Contains(a)).ToList(),
            _ => [],
        };
        if (toDown.Count == 0)
        {
            return;
        }
        ClusterLog.SplitBrainDecision(Context.GetLogger(), settings.DowningStrategy, outcome, string.Join(", ", toDown));
        _core.Tell(new ClusterCoreDaemon.DownMembers(toDown));
        _stableSince = Context.System.Scheduler.Now;
    }
}
