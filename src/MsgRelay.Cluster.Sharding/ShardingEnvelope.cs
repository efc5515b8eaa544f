namespace MsgRelay.Cluster.Sharding;

/// <summary>A message for entity <paramref name="EntityId"/>; the region routes it and the entity receives <paramref name="Message"/>.</summary>
public sealed record ShardingEnvelope(string EntityId, object Message);
