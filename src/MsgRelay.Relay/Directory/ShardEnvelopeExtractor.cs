namespace MsgRelay.Relay.Directory;

/// <summary>
/// Routes <see cref="ShardEnvelope"/>s: shard = <see cref="StableHash"/> of the entity id modulo the
/// number of shards, which every node computes identically.
/// </summary>
public sealed class ShardEnvelopeExtractor(int numberOfShards) : IMessageExtractor
{
    /// <summary>How many shards the entity ids are spread over.</summary>
    public int NumberOfShards { get; } = numberOfShards >= 1 ? numberOfShards : throw new ArgumentOutOfRangeException(nameof(numberOfShards));

    /// <inheritdoc />
    public string? EntityId(object message) => (message as ShardEnvelope)?.EntityId;

    /// <inheritdoc />
    public object EntityMessage(object message) => message is ShardEnvelope envelope ? envelope.Message : message;

    /// <inheritdoc />
    public string ShardId(object message) =>
        message is ShardEnvelope envelope ? StableHash.ShardOf(envelope.EntityId, NumberOfShards) : string.Empty;
}
