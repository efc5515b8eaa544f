using MsgRelay.Relay.Directory;
using Sharding = MsgRelay.Cluster.Sharding;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The relay's <see cref="ShardEnvelope"/> for the cluster's shard region: the same shard of a user
/// as the node-local region computes (<see cref="StableHash"/>), so callers send the same envelope
/// whether the node runs alone or in a cluster.
/// </summary>
public sealed class DirectoryShardExtractor(int numberOfShards) : Sharding.IMessageExtractor
{
    private readonly ShardEnvelopeExtractor _local = new(numberOfShards);

    /// <inheritdoc />
    public string? EntityId(object message) => _local.EntityId(message);

    /// <inheritdoc />
    public object EntityMessage(object message) => _local.EntityMessage(message);

    /// <inheritdoc />
    public string ShardId(object message) => _local.ShardId(message);
}
