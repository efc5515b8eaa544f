using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Cluster.Tools.PublishSubscribe.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>
/// Topic publish/subscribe across the cluster (Akka's DistributedPubSubMediator, simplified for a
/// site of a few nodes): subscriptions stay on the subscriber's node; a publish is delivered to the
/// local subscribers and sent once to the mediator of every other Up (or Leaving) member, which
/// delivers to its own. Without a gossiped registry a publish costs one message per node, which
/// for a handful of nodes is cheaper than keeping a registry in sync.
/// </summary>
internal sealed class DistributedPubSubMediator : ReceiveActor
{
    public const string MediatorPath = "/system/pubsub-mediator";

    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly Dictionary<string, HashSet<IActorRef>> _topics = new(StringComparer.Ordinal);

    public DistributedPubSubMediator()
    {
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        Receive<Subscribe>(OnSubscribe);
        Receive<Unsubscribe>(OnUnsubscribe);
        Receive<Publish>(OnPublish);
        Receive<Published>(OnPublished);
        Receive<CountSubscribers>(c => Sender.Tell(_topics.TryGetValue(c.Topic, out var s) ? s.Count : 0));
        Receive<Terminated>(OnTerminated);
    }

    private void OnSubscribe(Subscribe subscribe)
    {
        if (!_topics.TryGetValue(subscribe.Topic, out var subscribers))
        {
            _topics[subscribe.Topic] = subscribers = [];
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
                _topics.Remove(unsubscribe.Topic);
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
        var others = _cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving && m.UniqueAddress != _cluster.SelfUniqueAddress)
            .ToList();
        if (others.Count == 0)
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
        foreach (var member in others)
        {
            _cluster.Remoting.RemoteRef(member.Address, MediatorPath).Tell(wire, Sender);
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
                _topics.Remove(topic);
            }
        }
    }
}
