using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Cluster.Sharding.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// The sharded entry point for one entity type on this node (Akka's ShardRegion without a
/// coordinator): it computes each shard's owner with <see cref="ShardAllocation"/> from the
/// membership it sees, hosts the shards this node owns, and forwards the rest to the owner's
/// region. When the membership changes it stops the shards it no longer owns (handoff); their
/// entities start again at the new owner on the next message. While this node is not Up (still
/// joining, or downed on the losing side of a partition) it serves nothing: messages wait in a
/// bounded buffer and overflow to dead letters.
/// </summary>
/// <remarks>
/// A message that arrives from another region is always handled here: the sender's view named
/// this node, and bouncing it on would loop while two views disagree during a membership change.
/// For that short window a shard may run on two nodes; the relay's directory state is soft, so
/// this costs at most a re-registration.
/// </remarks>
internal sealed class ShardRegion : ReceiveActor
{
    private readonly string _typeName;
    private readonly Func<string, Props> _entityProps;
    private readonly IMessageExtractor _extractor;
    private readonly int _bufferSize;
    private readonly Cluster _cluster;
    private readonly ILogger _log;
    private readonly Queue<(object Message, IActorRef Sender)> _buffer = new();
    private ShardAllocation _allocation = new(CurrentClusterState.Empty);
    private bool _serving;

    public ShardRegion(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, int bufferSize)
    {
        _typeName = typeName;
        _entityProps = entityProps;
        _extractor = extractor;
        _bufferSize = bufferSize;
        _cluster = Cluster.Get(Context.System);
        _log = Context.GetLogger();
        Receive<CurrentClusterState>(_ => Reallocate());
        Receive<IMemberEvent>(_ => Reallocate());
        Receive<EntityEnvelope>(OnRemoteEnvelope);
        Receive<GetRegionShards>(_ => Sender.Tell(new CurrentRegionShards([.. Context.Children.Select(c => Uri.UnescapeDataString(c.Path.Name)).Order(StringComparer.Ordinal)])));
        ReceiveAny(OnMessage);
    }

    protected override void PreStart() => _cluster.Subscribe(Self, typeof(IMemberEvent));

    protected override void PostStop() => _cluster.Unsubscribe(Self);

    private Address SelfAddress => _cluster.SelfAddress;

    private void Reallocate()
    {
        var serving = _cluster.SelfMember.Status is MemberStatus.Up or MemberStatus.Leaving;
        _allocation = new ShardAllocation(_cluster.State);
        if (serving != _serving)
        {
            ShardingLog.Serving(_log, _typeName, serving, _allocation.Owners.Count);
        }
        _serving = serving;
        foreach (var shard in Context.Children.ToList())
        {
            var shardId = Uri.UnescapeDataString(shard.Path.Name);
            var owner = _allocation.OwnerOf(shardId);
            if (!_serving || owner != SelfAddress)
            {
                ShardingLog.HandOff(_log, _typeName, shardId, owner?.ToString() ?? "nobody");
                Context.Stop(shard);
            }
        }
        if (_serving && _allocation.Owners.Count > 0)
        {
            var pending = _buffer.Count;
            for (var i = 0; i < pending; i++)
            {
                var (message, sender) = _buffer.Dequeue();
                Route(message, sender);
            }
        }
    }

    private void OnMessage(object message)
    {
        if (_extractor.EntityId(message) is not { Length: > 0 })
        {
            Unhandled(message);
            return;
        }
        Route(message, Sender);
    }

    private void Route(object message, IActorRef sender)
    {
        var entityId = _extractor.EntityId(message)!;
        var shardId = _extractor.ShardId(message);
        var owner = _serving ? _allocation.OwnerOf(shardId) : null;
        if (owner is null)
        {
            Buffer(message, sender);
        }
        else if (owner == SelfAddress)
        {
            LocalShard(shardId).Tell(new Shard.Deliver(entityId, _extractor.EntityMessage(message)), sender);
        }
        else
        {
            SendTo(owner, entityId, shardId, _extractor.EntityMessage(message), sender);
        }
    }

    private void OnRemoteEnvelope(EntityEnvelope envelope)
    {
        object message;
        try
        {
            message = _cluster.Remoting.Serialization.Deserialize(envelope.SerializerId, envelope.Manifest, envelope.Payload);
        }
        catch (NotSupportedException e)
        {
            ShardingLog.NotSerializable(_log, _typeName, envelope.Manifest, SelfAddress.ToString(), e.Message);
            return;
        }
        if (!_serving)
        {
            Context.System.EventStream.Publish(new DeadLetter(message, Sender, Self));
            return;
        }
        LocalShard(envelope.ShardId).Tell(new Shard.Deliver(envelope.EntityId, message), Sender);
    }

    private void SendTo(Address owner, string entityId, string shardId, object message, IActorRef sender)
    {
        try
        {
            var (serializerId, manifest, payload) = _cluster.Remoting.Serialization.Serialize(message);
            var envelope = new EntityEnvelope { EntityId = entityId, ShardId = shardId, SerializerId = serializerId, Manifest = manifest, Payload = payload };
            _cluster.Remoting.RemoteRef(owner, Self.Path.ToStringWithoutAddress()).Tell(envelope, sender);
        }
        catch (NotSupportedException e)
        {
            ShardingLog.NotSerializable(_log, _typeName, message.GetType().Name, owner.ToString(), e.Message);
            Context.System.EventStream.Publish(new DeadLetter(message, sender, Self));
        }
    }

    private void Buffer(object message, IActorRef sender)
    {
        if (_buffer.Count >= _bufferSize)
        {
            ShardingLog.BufferFull(_log, _typeName, _bufferSize, message.GetType().Name);
            Context.System.EventStream.Publish(new DeadLetter(message, sender, Self));
            return;
        }
        _buffer.Enqueue((message, sender));
    }

    private IActorRef LocalShard(string shardId)
    {
        var name = Uri.EscapeDataString(shardId);
        var shard = Context.Child(name);
        return !ReferenceEquals(shard, ActorRefs.Nobody)
            ? shard
            : Context.ActorOf(Props.Create(() => new Shard(shardId, _entityProps)), name);
    }
}
