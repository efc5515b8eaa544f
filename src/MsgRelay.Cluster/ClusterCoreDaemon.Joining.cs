using MsgRelay.Actors;
using MsgRelay.Cluster.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// Joining through the seed nodes (Akka's JoinSeedNodeProcess, folded into the core): ask every
/// other seed "InitJoin" until one that is a member answers, then Join it and wait for Welcome,
/// retrying both. The first seed in the list forms a new cluster when no seed answered within
/// seed-node-timeout; an empty seed list forms a cluster of one at once.
/// </summary>
internal sealed partial class ClusterCoreDaemon
{
    private IReadOnlyList<Address> _seeds = [];
    private Address? _contact;
    private DateTimeOffset _joinDeadline;

    private void Uninitialized()
    {
        Receive<JoinSeedNodes>(OnJoinSeedNodes);
        IgnoreUntilJoined();
    }

    // Until this node is a member, cluster traffic and membership commands have nothing to act on.
    private void IgnoreUntilJoined()
    {
        Receive<InitJoin>(_ => { });
        Receive<GossipEnvelope>(_ => { });
        Receive<LeaveCommand>(_ => { });
        Receive<DownCommand>(_ => { });
        Receive<ReachabilityChanged>(_ => { });
        Receive<DownMembers>(_ => { });
        CommonCommands();
    }

    private void OnJoinSeedNodes(JoinSeedNodes join)
    {
        _seeds = join.Seeds.Where(s => s != _self.Address).ToList();
        var selfIsFirstSeed = join.Seeds.Count > 0 && join.Seeds[0] == _self.Address;
        if (_seeds.Count == 0)
        {
            JoinSelf();
            return;
        }
        _joinDeadline = selfIsFirstSeed ? Context.System.Scheduler.Now + _settings.SeedNodeTimeout : DateTimeOffset.MaxValue;
        Become(() =>
        {
            Receive<JoinRetryTick>(_ => OnJoinRetry());
            Receive<InitJoinAck>(OnInitJoinAck);
            Receive<Welcome>(OnWelcome);
            IgnoreUntilJoined();
        });
        var retry = TimeSpan.FromTicks(Math.Min(_settings.SeedNodeTimeout.Ticks / 5, TimeSpan.FromSeconds(1).Ticks));
        Timers.StartPeriodicTimer(JoinRetryTick.Instance, JoinRetryTick.Instance, TimeSpan.Zero, retry);
    }

    private void OnJoinRetry()
    {
        if (_contact is null && Context.System.Scheduler.Now >= _joinDeadline)
        {
            Timers.Cancel(JoinRetryTick.Instance);
            JoinSelf();
            return;
        }
        if (_contact is { } contact)
        {
            // Join again: the first Join or its Welcome may have been lost, or an old incarnation of us is still being removed.
            CoreAt(contact).Tell(new Join { Node = GossipSerialization.ToData(_self) }, Self);
            _contact = null;
        }
        foreach (var seed in _seeds)
        {
            CoreAt(seed).Tell(new InitJoin(), Self);
        }
    }

    private void OnInitJoinAck(InitJoinAck ack)
    {
        if (_contact is not null)
        {
            return;
        }
        _contact = GossipSerialization.FromData(ack.Address);
        CoreAt(_contact).Tell(new Join { Node = GossipSerialization.ToData(_self) }, Self);
    }

    private void OnWelcome(Welcome welcome)
    {
        var gossip = GossipSerialization.FromData(welcome.Gossip, Context.System.Scheduler.Now);
        if (gossip.Member(_self) is null)
        {
            return;
        }
        Timers.Cancel(JoinRetryTick.Instance);
        ClusterLog.Welcomed(_log, _self.ToString(), GossipSerialization.FromData(welcome.From).ToString());
        Initialized();
        Update(gossip.SeenBy(_self));
    }

    private void JoinSelf()
    {
        ClusterLog.FormingCluster(_log, _self.ToString());
        Initialized();
        Update(Gossip.Empty.Update(new Member(_self, MemberStatus.Joining), _self));
    }
}
