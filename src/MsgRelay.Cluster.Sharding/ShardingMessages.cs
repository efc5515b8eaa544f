namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// Sent by an entity to its shard to stop without losing messages: the shard sends it
/// <paramref name="StopMessage"/>, buffers what arrives meanwhile and restarts it if anything did.
/// </summary>
public sealed record Passivate(object StopMessage);

/// <summary>Asks a region which shards it hosts here; answered with <see cref="CurrentRegionShards"/>.</summary>
public sealed record GetRegionShards;

/// <summary>The shard ids hosted by this node's region.</summary>
public sealed record CurrentRegionShards(IReadOnlyList<string> LocalShards);
