namespace MsgRelay.Relay.Directory;

/// <summary>
/// Tells a <see cref="ShardRegion"/> which entity and shard a message is for, and what the entity
/// receives (Akka's IMessageExtractor, so the cluster-sharded region can take the same one).
/// </summary>
public interface IMessageExtractor
{
    /// <summary>The entity id, or null when the message is not for an entity (it is then dropped as unhandled).</summary>
    string? EntityId(object message);

    /// <summary>What the entity receives.</summary>
    object EntityMessage(object message);

    /// <summary>The shard id of the message's entity.</summary>
    string ShardId(object message);
}
