using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Cluster.Tools.PublishSubscribe.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>
/// Topic publish/subscribe across the cluster (Akka's DistributedPubSubMediator). Subscribers
/// stay on their node; which node has subscribers for which topic is a <see cref="TopicRegistry"/>
/// spread by gossip: every gossip-interval the mediator sends a random Up peer the versions it
/// knows, and the peer answers with the buckets the sender lacks (asking back when it lacks some
/// itself). A publish is delivered to the local subscribers and sent once to each other node whose
/// bucket has the topic, so a node without subscribers costs nothing. A subscription made just now
/// reaches publishers on other nodes within a few gossip intervals, as in Akka.
/// </summary>
internal sealed class DistributedPubSubMediator : ReceiveActor, IWithTimers
{
    public const string MediatorPath = "/system/pubsub-mediator";

    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly Dictionary<string, HashSet<IActorRef>> _topics = new(StringComparer.Ordinal);
    private readonly TopicRegistry _registry;

    public DistributedPubSubMediator()
    {
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        _registry = new TopicRegistry(_cluster.SelfAddress, () => Context.System.Scheduler.Now.ToUnixTimeMilliseconds());
        Receive<Subscribe>(OnSubscribe);
        Receive<Unsubscribe>(OnUnsubscribe);
        Receive<Publish>(OnPublish);
        Receive<Published>(OnPublished);
        Receive<CountSubscribers>(c => Sender.Tell(_topics.TryGetValue(c.Topic, out var s) ? s.Count : 0));
        Receive<GetSubscribedNodes>(g => Sender.Tell(new SubscribedNodes(g.Topic, ReachableNodesWith(g.Topic))));
        Receive<Terminated>(OnTerminated);
        Receive<PubSubGossipTick>(_ => OnGossipTick());
        Receive<TopicStatus>(OnStatus);
        Receive<TopicDelta>(OnDelta);
        Receive<MemberRemoved>(removed => _registry.RemoveNode(removed.Member.Address));
        Receive<CurrentClusterState>(_ => { });
        Receive<IMemberEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _cluster.Subscribe(Self, typeof(IMemberEvent));
        Timers.StartPeriodicTimer(PubSubGossipTick.Instance, PubSubGossipTick.Instance, _cluster.Settings.GossipInterval);
    }

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private void OnSubscribe(Subscribe subscribe)
    {
        if (!_topics.TryGetValue(subscribe.Topic, out var subscribers))
        {
            _topics[subscribe.Topic] = subscribers = [];
            _registry.AddLocalTopic(subscribe.Topic);
        }
        if (subscribers.Add(subscribe.Ref))
        {
            Context.Watch(subscribe.Ref);
        }
        Sender.Tell(new SubscribeAck(subscribe));
    }

    private void OnUnsubscribe(Unsubscribe unsubscribe)
    {
        if (_topics.TryGetValue(unsubscribe.Topic, out var subscribers) && subscribers.Remove(unsubscribe.Ref))
        {
            if (subscribers.Count == 0)
            {
                RemoveTopic(unsubscribe.Topic);
            }
            if (!_topics.Values.Any(s => s.Contains(unsubscribe.Ref)))
            {
                Context.Unwatch(unsubscribe.Ref);
            }
        }
        Sender.Tell(new UnsubscribeAck(unsubscribe));
    }

    private void OnPublish(Publish publish)
    {
        DeliverLocally(publish.Topic, publish.Message);
        var nodes = ReachableNodesWith(publish.Topic);
        if (nodes.Count == 0)
        {
            return;
        }
        Published wire;
        try
        {
            var (serializerId, manifest, payload) = _cluster.Remoting.Serialization.Serialize(publish.Message);
            wire = new Published { Topic = publish.Topic, SerializerId = serializerId, Manifest = manifest, Payload = payload };
        }
        catch (NotSupportedException e)
        {
            PubSubLog.NotSerializable(_log, publish.Topic, publish.Message.GetType().Name, e.Message);
            return;
        }
        foreach (var node in nodes)
        {
            MediatorAt(node).Tell(wire, Sender);
        }
    }

    private void OnPublished(Published published)
    {
        try
        {
            DeliverLocally(published.Topic, _cluster.Remoting.Serialization.Deserialize(published.SerializerId, published.Manifest, published.Payload));
        }
        catch (NotSupportedException e)
        {
            PubSubLog.NotSerializable(_log, published.Topic, published.Manifest, e.Message);
        }
    }

    private void OnGossipTick()
    {
        var peers = Peers();
        if (peers.Count > 0)
        {
            MediatorAt(peers[Random.Shared.Next(peers.Count)]).Tell(PubSubWireFormat.Status(_registry.Versions), Self);
        }
    }

    private void OnStatus(TopicStatus status)
    {
        var theirs = PubSubWireFormat.Versions(status);
        var missing = _registry.NewerThan(theirs);
        if (missing.Count > 0)
        {
            Sender.Tell(PubSubWireFormat.Delta(missing), Self);
        }
        // They know a bucket we lack or hold older: our status makes them send it.
        if (_registry.IsBehind(theirs))
        {
            Sender.Tell(PubSubWireFormat.Status(_registry.Versions), Self);
        }
    }

    private void OnDelta(TopicDelta delta)
    {
        var members = _cluster.State.Members.Select(m => m.Address).ToHashSet();
        // A bucket of a node that already left would linger until nobody gossips it; drop it here.
        _registry.Merge(PubSubWireFormat.Buckets(delta).Where(b => b.Owner == _registry.Self || members.Contains(b.Owner)));
    }

    private void DeliverLocally(string topic, object message)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Tell(message, Sender);
            }
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        foreach (var (topic, subscribers) in _topics.ToList())
        {
            if (subscribers.Remove(terminated.ActorRef) && subscribers.Count == 0)
            {
                RemoveTopic(topic);
            }
        }
    }

    private void RemoveTopic(string topic)
    {
        _topics.Remove(topic);
        _registry.RemoveLocalTopic(topic);
    }

    // Up or Leaving: a leaving node still serves its subscribers until it exits.
    private List<Address> Peers() =>
        [.. _cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving && m.Address != _registry.Self)
            .Select(m => m.Address)];

    private IReadOnlyList<Address> ReachableNodesWith(string topic)
    {
        var peers = Peers().ToHashSet();
        return [.. _registry.NodesWith(topic).Where(peers.Contains)];
    }

    private RemoteActorRef MediatorAt(Address node) => _cluster.Remoting.RemoteRef(node, MediatorPath);
}
