using System.Globalization;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tests;

public class RendezvousHashingTests
{
    private static Address Node(int n) => new("sys", $"10.0.0.{n}", 2552);

    private static readonly string[] Shards = Enumerable.Range(0, 100).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

    [Fact]
    public void Allocation_does_not_depend_on_member_order()
    {
        var a = RendezvousHashing.Allocate(Shards, [Node(1), Node(2), Node(3)]);
        var b = RendezvousHashing.Allocate(Shards, [Node(3), Node(1), Node(2)]);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Shards_spread_over_all_members()
    {
        var allocation = RendezvousHashing.Allocate(Shards, [Node(1), Node(2), Node(3)]);
        foreach (var group in allocation.GroupBy(kv => kv.Value))
        {
            Assert.InRange(group.Count(), 20, 47);
        }
        Assert.Equal(3, allocation.Values.Distinct().Count());
    }

    [Fact]
    public void Removing_a_member_moves_only_its_shards()
    {
        var before = RendezvousHashing.Allocate(Shards, [Node(1), Node(2), Node(3)]);
        var after = RendezvousHashing.Allocate(Shards, [Node(1), Node(3)]);
        foreach (var shard in Shards)
        {
            if (before[shard] != Node(2))
            {
                Assert.Equal(before[shard], after[shard]);
            }
            Assert.NotEqual(Node(2), after[shard]);
        }
    }

    [Fact]
    public void No_members_no_owner()
    {
        Assert.Null(RendezvousHashing.OwnerOf("1", []));
        Assert.Empty(RendezvousHashing.Allocate(Shards, []));
    }
}
