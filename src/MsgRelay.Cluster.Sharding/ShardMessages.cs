namespace MsgRelay.Cluster.Sharding;

internal sealed partial class Shard
{
    /// <summary>A message for one entity of this shard (the region has extracted it already).</summary>
    public sealed record Deliver(string EntityId, object Message);

    /// <summary>Asks the shard for its entity ids.</summary>
    public sealed record GetEntities;

    /// <summary>The shard's entity ids.</summary>
    public sealed record Entities(string ShardId, IReadOnlyList<string> Ids);
}
