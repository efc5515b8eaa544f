using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Cluster.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// Membership and gossip of one node (the heart of Akka's ClusterCoreDaemon): owns the latest
/// gossip, joins through the seed nodes (<c>ClusterCoreDaemon.Joining.cs</c>), accepts joins,
/// merges gossip from peers, applies leave/down requests and reachability observations, runs
/// the leader actions, and publishes the resulting cluster events. Lifecycle:
/// Uninitialized -> Joining -> Initialized.
/// </summary>
internal sealed partial class ClusterCoreDaemon : ReceiveActor, IWithTimers
{
    public const string CorePath = "/system/cluster";

    private readonly Cluster _cluster;
    private readonly ClusterSettings _settings;
    private readonly Remoting _remoting;
    private readonly UniqueAddress _self;
    private readonly ILogger _log;
    private IActorRef _heartbeatSender = ActorRefs.Nobody;
    private IActorRef _downing = ActorRefs.Nobody;
    private Gossip _latest = Gossip.Empty;
    private bool _selfDownHandled;

    public ClusterCoreDaemon(Cluster cluster)
    {
        _cluster = cluster;
        _settings = cluster.Settings;
        _remoting = cluster.Remoting;
        _self = cluster.SelfUniqueAddress;
        _log = Context.GetLogger();
        Uninitialized();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _heartbeatSender = Context.ActorOf(Props.Create(() => new ClusterHeartbeatSender(_cluster, Self)), "heartbeat-sender");
        _downing = Context.ActorOf(Props.Create(() => new SplitBrainResolver(_cluster, Self)), "downing");
        Context.ActorOf(Props.Create(() => new ClusterHeartbeatReceiver(_cluster)), "heartbeat-receiver");
    }

    private void Initialized()
    {
        Become(() =>
        {
            Receive<InitJoin>(_ => OnInitJoin());
            Receive<Join>(OnJoin);
            Receive<Welcome>(_ => { });
            Receive<InitJoinAck>(_ => { });
            Receive<JoinRetryTick>(_ => { });
            Receive<GossipEnvelope>(OnGossip);
            Receive<GossipTick>(_ => OnGossipTick());
            Receive<LeaderActionsTick>(_ => OnLeaderActions());
            Receive<ReachabilityChanged>(OnReachabilityChanged);
            Receive<LeaveCommand>(leave => ChangeStatus(leave.Address, MemberStatus.Leaving));
            Receive<DownCommand>(down => ChangeStatus(down.Address, MemberStatus.Down));
            Receive<DownMembers>(OnDownMembers);
            CommonCommands();
        });
        Timers.StartPeriodicTimer(GossipTick.Instance, GossipTick.Instance, _settings.GossipInterval);
        Timers.StartPeriodicTimer(LeaderActionsTick.Instance, LeaderActionsTick.Instance, _settings.LeaderActionsInterval);
    }

    private void CommonCommands()
    {
        Receive<SubscribeCommand>(OnSubscribe);
        Receive<UnsubscribeCommand>(u => Context.System.EventStream.Unsubscribe(u.Subscriber));
    }

    private void OnInitJoin()
    {
        if (_latest.Member(_self)?.Status is MemberStatus.Up or MemberStatus.Joining)
        {
            Sender.Tell(new InitJoinAck { Address = GossipSerialization.ToData(_self.Address) }, Self);
        }
    }

    private void OnJoin(Join join)
    {
        var joining = GossipSerialization.FromData(join.Node);
        var existing = _latest.MemberAt(joining.Address);
        if (existing is not null && existing.UniqueAddress != joining)
        {
            // A restarted node: the old incarnation is downed; the newcomer's retries succeed once it is removed.
            if (existing.Status != MemberStatus.Down)
            {
                ClusterLog.NewIncarnation(_log, joining.ToString(), joining.Address.ToString(), existing.UniqueAddress.ToString());
                Update(_latest.Update(existing.WithStatus(MemberStatus.Down), _self));
            }
            return;
        }
        if (_latest.Tombstones.ContainsKey(joining))
        {
            return;
        }
        if (existing is null)
        {
            Update(_latest.Update(new Member(joining, MemberStatus.Joining), _self));
        }
        CoreAt(joining.Address).Tell(new Welcome { From = GossipSerialization.ToData(_self), Gossip = GossipSerialization.ToData(_latest) }, Self);
    }

    private void OnGossip(GossipEnvelope envelope)
    {
        var from = GossipSerialization.FromData(envelope.From);
        if (GossipSerialization.FromData(envelope.To) != _self || _latest.Tombstones.ContainsKey(from))
        {
            return;
        }
        var remote = GossipSerialization.FromData(envelope.Gossip, Context.System.Scheduler.Now);
        if (remote.Member(_self) is null && !remote.Tombstones.ContainsKey(_self))
        {
            // Gossip of a cluster we are not part of (e.g. addressed to an old incarnation of us).
            return;
        }
        var ordering = _latest.Version.CompareTo(remote.Version);
        switch (ordering)
        {
            case VectorClockOrdering.Same:
                Update(_latest with { Seen = _latest.Seen.Union(remote.Seen).Add(_self) });
                break;
            case VectorClockOrdering.Before:
                Update(remote.SeenBy(_self));
                break;
            case VectorClockOrdering.After:
                break;
            default:
                Update(_latest.Merge(remote).SeenBy(_self));
                break;
        }
        // The exchange must stop once both hold the same version and seen set: answering gossip
        // equal to ours kept two idle nodes bouncing it thousands of times a second.
        if (_latest.ShouldAnswer(remote, ordering))
        {
            SendGossip(from);
        }
    }

    private void OnGossipTick()
    {
        var peers = _latest.Members.Where(m => m.UniqueAddress != _self).ToList();
        if (peers.Count == 0)
        {
            return;
        }
        var unseen = peers.Where(m => !_latest.Seen.Contains(m.UniqueAddress)).ToList();
        var targets = unseen.Count > 0 ? unseen : [peers[Random.Shared.Next(peers.Count)]];
        foreach (var target in targets)
        {
            SendGossip(target.UniqueAddress);
        }
    }

    private void OnLeaderActions()
    {
        var now = Context.System.Scheduler.Now;
        // Every node forgets old tombstones by its own clock; no view that old is still gossiped.
        _latest = _latest.PruneTombstones(now - _settings.PruneGossipTombstonesAfter);
        var (next, removed) = _latest.LeaderActions(_self, now);
        if (ReferenceEquals(next, _latest))
        {
            return;
        }
        Update(next);
        foreach (var member in removed)
        {
            // The removed node is no longer gossiped to; this last gossip tells it it is out.
            SendGossip(member.UniqueAddress);
        }
    }

    private void OnReachabilityChanged(ReachabilityChanged change)
    {
        if (_latest.Member(change.Subject) is null)
        {
            return;
        }
        var reachability = change.Reachable
            ? _latest.Reachability.Reachable(_self, change.Subject)
            : _latest.Reachability.Unreachable(_self, change.Subject);
        if (!ReferenceEquals(reachability, _latest.Reachability))
        {
            Update(_latest.WithReachability(reachability, _self));
        }
    }

    private void OnDownMembers(DownMembers down)
    {
        var gossip = _latest;
        foreach (var node in down.Nodes)
        {
            if (gossip.Member(node) is { Status: not MemberStatus.Down } member)
            {
                gossip = gossip.Update(member.WithStatus(MemberStatus.Down), _self);
            }
        }
        Update(gossip);
    }

    private void ChangeStatus(Address address, MemberStatus status)
    {
        if (_latest.MemberAt(address) is not { } member || member.Status.MergePriority() >= status.MergePriority())
        {
            return;
        }
        Update(_latest.Update(member.WithStatus(status), _self));
    }

    private void OnSubscribe(SubscribeCommand subscribe)
    {
        // Snapshot then subscription, both from this actor: the subscriber misses nothing in between.
        subscribe.Subscriber.Tell(CurrentClusterState.Of(_latest, _self), Self);
        foreach (var type in subscribe.EventTypes)
        {
            Context.System.EventStream.Subscribe(subscribe.Subscriber, type);
        }
    }

    private void Update(Gossip next)
    {
        var old = _latest;
        if (ReferenceEquals(old, next))
        {
            return;
        }
        _latest = next;
        _cluster.OnStateChanged(CurrentClusterState.Of(next, _self), next.Member(_self));
        _heartbeatSender.Tell(new GossipChanged(next));
        _downing.Tell(new GossipChanged(next));
        foreach (var e in ClusterEventDiff.Diff(old, next, _self))
        {
            LogEvent(e);
            Context.System.EventStream.Publish(e);
            if (e is MemberDowned or MemberRemoved && e is IMemberEvent gone && gone.Member.UniqueAddress != _self)
            {
                _remoting.AddressTerminated(gone.Member.Address);
            }
        }
        CheckSelf(old);
    }

    private void CheckSelf(Gossip old)
    {
        var me = _latest.Member(_self);
        if (me?.Status == MemberStatus.Down && !_selfDownHandled)
        {
            _selfDownHandled = true;
            ClusterLog.SelfDowned(_log, _self.ToString(), _settings.RunCoordinatedShutdownWhenDown);
            if (_settings.RunCoordinatedShutdownWhenDown)
            {
                _ = CoordinatedShutdown.Get(Context.System).Run(CoordinatedShutdown.ClusterDowningReason.Instance);
            }
        }
        if (me is null && old.Member(_self) is { } before)
        {
            ClusterLog.SelfRemoved(_log, _self.ToString());
            Timers.CancelAll();
            _cluster.OnSelfRemoved();
            if (before.Status != MemberStatus.Down || _settings.RunCoordinatedShutdownWhenDown)
            {
                _ = CoordinatedShutdown.Get(Context.System).Run(before.Status == MemberStatus.Down
                    ? CoordinatedShutdown.ClusterDowningReason.Instance
                    : CoordinatedShutdown.ClusterLeavingReason.Instance);
            }
        }
    }

    private void LogEvent(IClusterDomainEvent e)
    {
        switch (e)
        {
            case UnreachableMember u:
                ClusterLog.Unreachable(_log, u.Member.UniqueAddress.ToString(), _self.ToString());
                break;
            case ReachableMember r:
                ClusterLog.Reachable(_log, r.Member.UniqueAddress.ToString(), _self.ToString());
                break;
            case LeaderChanged l:
                ClusterLog.LeaderChanged(_log, l.Leader?.ToString() ?? "none");
                break;
            case MemberRemoved removed:
                ClusterLog.MemberStatusChanged(_log, removed.Member.UniqueAddress.ToString(), MemberStatus.Removed);
                break;
            case IMemberEvent m:
                ClusterLog.MemberStatusChanged(_log, m.Member.UniqueAddress.ToString(), m.Member.Status);
                break;
        }
    }

    private void SendGossip(UniqueAddress to) =>
        CoreAt(to.Address).Tell(new GossipEnvelope
        {
            From = GossipSerialization.ToData(_self),
            To = GossipSerialization.ToData(to),
            Gossip = GossipSerialization.ToData(_latest),
        }, Self);

    private RemoteActorRef CoreAt(Address address) => _remoting.RemoteRef(address, CorePath);
}
