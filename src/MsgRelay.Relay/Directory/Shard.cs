using MsgRelay.Actors;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// One shard of a <see cref="ShardRegion"/>: creates entities on demand, one child per entity id, and
/// passivates them on request without losing the messages that arrive meanwhile.
/// </summary>
internal sealed class Shard : ReceiveActor
{
    private readonly string _shardId;
    private readonly Func<string, Props> _entityProps;
    private readonly IMessageExtractor _extractor;
    private readonly Dictionary<string, IActorRef> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _idsByEntity = [];
    private readonly Dictionary<string, List<(object Message, IActorRef Sender)>> _passivating = new(StringComparer.Ordinal);

    public Shard(string shardId, Func<string, Props> entityProps, IMessageExtractor extractor)
    {
        _shardId = shardId;
        _entityProps = entityProps;
        _extractor = extractor;
        Receive<Passivate>(OnPassivate);
        Receive<Terminated>(OnEntityTerminated);
        Receive<GetShardEntities>(_ => Sender.Tell(new ShardEntities(_shardId, [.. _entities.Keys])));
        ReceiveAny(OnMessage);
    }

    private void OnMessage(object message)
    {
        if (_extractor.EntityId(message) is not { Length: > 0 } id)
        {
            Unhandled(message);
            return;
        }

        if (_passivating.TryGetValue(id, out var buffer))
        {
            buffer.Add((message, Sender));
            return;
        }

        EntityFor(id).Tell(_extractor.EntityMessage(message), Sender);
    }

    private IActorRef EntityFor(string id)
    {
        if (!_entities.TryGetValue(id, out var entity))
        {
            entity = Context.ActorOf(_entityProps(id), ChildName(id));
            Context.Watch(entity);
            _entities[id] = entity;
            _idsByEntity[entity] = id;
        }

        return entity;
    }

    private void OnPassivate(Passivate passivate)
    {
        if (_idsByEntity.TryGetValue(Sender, out var id) && !_passivating.ContainsKey(id))
        {
            _passivating[id] = [];
            Sender.Tell(passivate.StopMessage);
        }
    }

    private void OnEntityTerminated(Terminated terminated)
    {
        if (!_idsByEntity.Remove(terminated.ActorRef, out var id))
        {
            return;
        }

        _entities.Remove(id);
        if (_passivating.Remove(id, out var buffer) && buffer.Count > 0)
        {
            // Messages came while the entity was stopping: start a fresh one for them, in order.
            var entity = EntityFor(id);
            foreach (var (message, sender) in buffer)
            {
                entity.Tell(_extractor.EntityMessage(message), sender);
            }
        }
    }

    // Actor names may not contain '/' or whitespace or start with '$'; escaping keeps ids readable in paths.
    private static string ChildName(string id) => Uri.EscapeDataString(id).Replace("$", "%24", StringComparison.Ordinal);
}
