namespace MsgRelay.Cluster.Sharding;

/// <summary>Tells a region which entity and shard a message is for, and what the entity receives (Akka's IMessageExtractor).</summary>
public interface IMessageExtractor
{
    /// <summary>The entity id, or null when the message is not for an entity (it is then unhandled).</summary>
    string? EntityId(object message);

    /// <summary>What the entity receives.</summary>
    object EntityMessage(object message);

    /// <summary>The shard of the message's entity; the same on every node.</summary>
    string ShardId(object message);
}
