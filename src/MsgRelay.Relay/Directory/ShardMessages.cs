namespace MsgRelay.Relay.Directory;

/// <summary>
/// Sent by an entity to its parent shard to stop it without losing messages: the shard stops the
/// entity, buffers what arrives for it meanwhile and starts it again if anything did (Akka's Passivate).
/// </summary>
/// <param name="StopMessage">What the shard sends the entity to stop it.</param>
public sealed record Passivate(object StopMessage);

/// <summary>Asks a region for the ids of the entities it runs; answered with <see cref="RegionEntities"/>.</summary>
public sealed record GetRegionEntities;

/// <summary>Entity ids per shard id.</summary>
public sealed record RegionEntities(IReadOnlyDictionary<string, IReadOnlyList<string>> EntitiesByShard);

/// <summary>Asks a shard for its entity ids (internal step of <see cref="GetRegionEntities"/>).</summary>
internal sealed record GetShardEntities;

/// <summary>A shard's entity ids.</summary>
internal sealed record ShardEntities(string ShardId, IReadOnlyList<string> EntityIds);
