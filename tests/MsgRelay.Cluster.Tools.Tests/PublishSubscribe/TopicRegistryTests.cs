using System.Collections.Immutable;
using MsgRelay.Cluster.Tools.PublishSubscribe;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.Tests.PublishSubscribe;

public sealed class TopicRegistryTests
{
    private static readonly Address A = new("sys", "10.0.0.1", 2552);
    private static readonly Address B = new("sys", "10.0.0.2", 2552);
    private static readonly Address C = new("sys", "10.0.0.3", 2552);

    private long _now = 1000;

    private TopicRegistry Registry(Address self) => new(self, () => _now);

    // One gossip exchange as the mediators run it: status from `from`, delta back, and the reverse
    // when `to` is behind.
    private static void Gossip(TopicRegistry from, TopicRegistry to)
    {
        from.Merge(to.NewerThan(from.Versions));
        if (to.IsBehind(from.Versions))
        {
            to.Merge(from.NewerThan(to.Versions));
        }
    }

    [Fact]
    public void A_new_local_topic_advances_the_own_version_once()
    {
        var a = Registry(A);
        var start = a.Own.Version;

        Assert.True(a.AddLocalTopic("news"));
        Assert.False(a.AddLocalTopic("news"));

        Assert.Equal(start + 1, a.Own.Version);
        Assert.Equal(["news"], a.Own.Topics);
    }

    [Fact]
    public void Versions_follow_the_clock_so_a_restarted_node_is_ahead_of_its_old_incarnation()
    {
        var old = Registry(A);
        old.AddLocalTopic("news");
        _now = 5000;

        var restarted = Registry(A);
        restarted.AddLocalTopic("sport");

        Assert.True(restarted.Own.Version > old.Own.Version);
    }

    [Fact]
    public void Gossip_between_peers_spreads_every_nodes_topics_to_all()
    {
        var a = Registry(A);
        var b = Registry(B);
        var c = Registry(C);
        a.AddLocalTopic("news");
        c.AddLocalTopic("sport");

        Gossip(a, b);
        Gossip(b, c);
        Gossip(c, a);

        Assert.Equal([C], a.NodesWith("sport"));
        Assert.Equal([A], b.NodesWith("news"));
        Assert.Equal([C], b.NodesWith("sport"));
        Assert.Equal([A], c.NodesWith("news"));
        Assert.Empty(a.NodesWith("news"));
    }

    [Fact]
    public void Peers_that_know_the_same_versions_have_nothing_to_exchange()
    {
        var a = Registry(A);
        var b = Registry(B);
        a.AddLocalTopic("news");
        Gossip(a, b);
        Gossip(b, a);

        Assert.Empty(a.NewerThan(b.Versions));
        Assert.Empty(b.NewerThan(a.Versions));
        Assert.False(a.IsBehind(b.Versions));
        Assert.False(b.IsBehind(a.Versions));
    }

    [Fact]
    public void A_removed_topic_disappears_from_the_others_with_the_newer_bucket()
    {
        var a = Registry(A);
        var b = Registry(B);
        a.AddLocalTopic("news");
        Gossip(b, a);
        Assert.Equal([A], b.NodesWith("news"));

        Assert.True(a.RemoveLocalTopic("news"));
        Gossip(b, a);

        Assert.Empty(b.NodesWith("news"));
    }

    [Fact]
    public void An_older_bucket_never_replaces_a_newer_one()
    {
        var b = Registry(B);
        var topics = ImmutableSortedSet.Create(StringComparer.Ordinal, "news");
        b.Merge([new TopicBucket(A, 20, topics)]);

        b.Merge([new TopicBucket(A, 10, ImmutableSortedSet.Create<string>(StringComparer.Ordinal))]);

        Assert.Equal([A], b.NodesWith("news"));
        Assert.Equal(20, b.Versions[A]);
    }

    [Fact]
    public void Own_bucket_seen_newer_elsewhere_makes_this_node_jump_above_it_and_keep_its_topics()
    {
        var a = Registry(A);
        a.AddLocalTopic("news");

        a.Merge([new TopicBucket(A, 99_999, ImmutableSortedSet.Create(StringComparer.Ordinal, "stale"))]);

        Assert.Equal(100_000, a.Own.Version);
        Assert.Equal(["news"], a.Own.Topics);
    }

    [Fact]
    public void A_node_that_left_is_forgotten()
    {
        var b = Registry(B);
        b.Merge([new TopicBucket(A, 20, ImmutableSortedSet.Create(StringComparer.Ordinal, "news"))]);

        b.RemoveNode(A);

        Assert.Empty(b.NodesWith("news"));
        Assert.False(b.Versions.ContainsKey(A));
    }
}
