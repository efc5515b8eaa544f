using System.Collections.Immutable;
using MsgRelay.Cluster.Tools.PublishSubscribe.Wire;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>Converts the topic registry's gossip between its in-process form and the protobuf messages.</summary>
internal static class PubSubWireFormat
{
    public static TopicStatus Status(IReadOnlyDictionary<Address, long> versions)
    {
        var status = new TopicStatus();
        status.Versions.AddRange(versions.Select(v => new BucketVersion { Owner = v.Key.ToString(), Version = v.Value }));
        return status;
    }

    public static Dictionary<Address, long> Versions(TopicStatus status) =>
        status.Versions.ToDictionary(v => Address.Parse(v.Owner), v => v.Version);

    public static TopicDelta Delta(IEnumerable<TopicBucket> buckets)
    {
        var delta = new TopicDelta();
        foreach (var bucket in buckets)
        {
            var wire = new Bucket { Owner = bucket.Owner.ToString(), Version = bucket.Version };
            wire.Topics.AddRange(bucket.Topics);
            delta.Buckets.Add(wire);
        }
        return delta;
    }

    public static IEnumerable<TopicBucket> Buckets(TopicDelta delta) =>
        delta.Buckets.Select(b => new TopicBucket(Address.Parse(b.Owner), b.Version, b.Topics.ToImmutableSortedSet(StringComparer.Ordinal)));
}
