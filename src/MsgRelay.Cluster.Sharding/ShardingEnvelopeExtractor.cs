using System.Globalization;
using System.Text;

namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// Routes <see cref="ShardingEnvelope"/>s: shard = 32-bit FNV-1a of the lower-cased entity id's
/// UTF-8 bytes, modulo the number of shards, so "Alice" and "alice" share a shard and every node
/// and run computes the same one (string.GetHashCode is randomised per process).
/// </summary>
public sealed class ShardingEnvelopeExtractor : IMessageExtractor
{
    /// <summary>Creates the extractor; <paramref name="numberOfShards"/> must be the same on every node.</summary>
    public ShardingEnvelopeExtractor(int numberOfShards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfShards, 1);
        NumberOfShards = numberOfShards;
    }

    /// <summary>How many shards the ids are spread over.</summary>
    public int NumberOfShards { get; }

    /// <inheritdoc />
    public string? EntityId(object message) => (message as ShardingEnvelope)?.EntityId;

    /// <inheritdoc />
    public object EntityMessage(object message) => message is ShardingEnvelope envelope ? envelope.Message : message;

    /// <inheritdoc />
    public string ShardId(object message) => message is ShardingEnvelope envelope ? ShardOf(envelope.EntityId, NumberOfShards) : "";

    /// <summary>The shard of an entity id.</summary>
    public static string ShardOf(string entityId, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(entityId);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(entityId.ToLowerInvariant()))
        {
            hash ^= b;
            hash *= 16777619;
        }
        return (hash % (uint)numberOfShards).ToString(CultureInfo.InvariantCulture);
    }
}
