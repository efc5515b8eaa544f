using MsgRelay.Actors;

namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// One shard hosted by this node: an entity child per id, created on the first message and
/// passivated on its request without losing the messages that arrive while it stops.
/// Stopping the shard (handoff) stops its entities.
/// </summary>
internal sealed partial class Shard : ReceiveActor
{
    private readonly string _shardId;
    private readonly Func<string, Props> _entityProps;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _ids = [];
    private readonly Dictionary<string, List<(object Message, IActorRef Sender)>> _passivating = new(StringComparer.Ordinal);

    public Shard(string shardId, Func<string, Props> entityProps)
    {
        _shardId = shardId;
        _entityProps = entityProps;
        Receive<Deliver>(OnDeliver);
        Receive<Passivate>(OnPassivate);
        Receive<Terminated>(OnTerminated);
        Receive<GetEntities>(_ => Sender.Tell(new Entities(_shardId, [.. _entities.Keys])));
    }

    private void OnDeliver(Deliver deliver)
    {
        if (_passivating.TryGetValue(deliver.EntityId, out var buffer))
        {
            buffer.Add((deliver.Message, Sender));
            return;
        }
        EntityFor(deliver.EntityId).Tell(deliver.Message, Sender);
    }

    private IActorRef EntityFor(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            entity = Context.ActorOf(_entityProps(id), Uri.EscapeDataString(id));
            Context.Watch(entity);
            _entities[id] = entity;
            _ids[entity] = id;
        }
        return entity;
    }

    private void OnPassivate(Passivate passivate)
    {
        if (_ids.TryGetValue(Sender, out var id) && !_passivating.ContainsKey(id))
        {
            _passivating[id] = [];
            Sender.Tell(passivate.StopMessage);
        }
    }

    private void OnTerminated(Terminated terminated)
    {
        if (!_ids.Remove(terminated.ActorRef, out var id))
        {
            return;
        }
        _entities.Remove(id);
        if (_passivating.Remove(id, out var buffer) && buffer.Count > 0)
        {
            var entity = EntityFor(id);
            foreach (var (message, sender) in buffer)
            {
                entity.Tell(message, sender);
            }
        }
    }
}
