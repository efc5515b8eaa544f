using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>
/// Which node has subscribers for which topic, replicated by gossip (Akka's DistributedPubSub
/// registry): one <see cref="TopicBucket"/> per node, changed only by its owner. Peers compare
/// versions and send each other the buckets the other lacks, so every node learns every other
/// node's topics within a few gossip rounds and a publish goes only to nodes that have subscribers.
/// Pure: the mediator actor decides when to gossip and with whom.
/// </summary>
public sealed class TopicRegistry
{
    private readonly Dictionary<Address, TopicBucket> _buckets = [];
    private readonly Func<long> _clock;

    /// <summary>
    /// A registry for the node at <paramref name="self"/>. Versions start from <paramref name="clock"/>
    /// (milliseconds of the wall clock), so a restarted node at the same address publishes versions
    /// above the ones its previous incarnation left in the others' registries.
    /// </summary>
    public TopicRegistry(Address self, Func<long> clock)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(clock);
        Self = self;
        _clock = clock;
        _buckets[self] = new TopicBucket(self, clock(), ImmutableSortedSet.Create<string>(StringComparer.Ordinal));
    }

    /// <summary>This node's address.</summary>
    public Address Self { get; }

    /// <summary>This node's own bucket.</summary>
    public TopicBucket Own => _buckets[Self];

    /// <summary>The version of every bucket known here: what a gossip status carries.</summary>
    public IReadOnlyDictionary<Address, long> Versions => _buckets.ToDictionary(b => b.Key, b => b.Value.Version);

    /// <summary>Records that this node now has subscribers for <paramref name="topic"/>; false when it already had.</summary>
    public bool AddLocalTopic(string topic) => ChangeOwn(Own.Topics.Add(topic));

    /// <summary>Records that this node has no subscriber for <paramref name="topic"/> any more; false when it had none.</summary>
    public bool RemoveLocalTopic(string topic) => ChangeOwn(Own.Topics.Remove(topic));

    /// <summary>The buckets newer here than in <paramref name="theirs"/> (a peer's versions): what that peer is missing.</summary>
    public IReadOnlyList<TopicBucket> NewerThan(IReadOnlyDictionary<Address, long> theirs)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        return [.. _buckets.Values.Where(b => !theirs.TryGetValue(b.Owner, out var v) || b.Version > v)];
    }

    /// <summary>Whether <paramref name="theirs"/> names a bucket newer than ours (or one we lack): then we ask for it.</summary>
    public bool IsBehind(IReadOnlyDictionary<Address, long> theirs)
    {
        ArgumentNullException.ThrowIfNull(theirs);
        return theirs.Any(t => t.Key != Self && (!_buckets.TryGetValue(t.Key, out var mine) || t.Value > mine.Version));
    }

    /// <summary>
    /// Takes every received bucket that is newer than ours. Our own bucket is only ever changed
    /// here; one of ours that comes back newer (from a previous incarnation) makes us jump above it.
    /// </summary>
    public void Merge(IEnumerable<TopicBucket> received)
    {
        ArgumentNullException.ThrowIfNull(received);
        foreach (var bucket in received)
        {
            if (bucket.Owner == Self)
            {
                if (bucket.Version >= Own.Version)
                {
                    _buckets[Self] = Own with { Version = bucket.Version + 1 };
                }
            }
            else if (!_buckets.TryGetValue(bucket.Owner, out var known) || bucket.Version > known.Version)
            {
                _buckets[bucket.Owner] = bucket;
            }
        }
    }

    /// <summary>Forgets a node that left the cluster: it is no longer published to.</summary>
    public void RemoveNode(Address node)
    {
        if (node != Self)
        {
            _buckets.Remove(node);
        }
    }

    /// <summary>The other nodes that have subscribers for <paramref name="topic"/>.</summary>
    public IReadOnlyList<Address> NodesWith(string topic) =>
        [.. _buckets.Values.Where(b => b.Owner != Self && b.Topics.Contains(topic)).Select(b => b.Owner).Order()];

    private bool ChangeOwn(ImmutableSortedSet<string> topics)
    {
        var own = Own;
        if (topics.Count == own.Topics.Count)
        {
            return false;
        }
        _buckets[Self] = new TopicBucket(Self, Math.Max(own.Version + 1, _clock()), topics);
        return true;
    }
}
