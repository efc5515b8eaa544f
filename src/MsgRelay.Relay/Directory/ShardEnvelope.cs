namespace MsgRelay.Relay.Directory;

/// <summary>A message for the entity <paramref name="EntityId"/>, routed by a <see cref="ShardRegion"/>.</summary>
public sealed record ShardEnvelope(string EntityId, object Message);
