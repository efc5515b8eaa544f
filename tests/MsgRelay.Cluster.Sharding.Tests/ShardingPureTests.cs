using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Sharding.Tests;

public class ShardingPureTests
{
    [Fact]
    public void Shard_id_ignores_case_and_is_stable_across_runs()
    {
        Assert.Equal(ShardingEnvelopeExtractor.ShardOf("Alice", 100), ShardingEnvelopeExtractor.ShardOf("alice", 100));
        // FNV-1a("alice") = 0x872213e7; fixed so a change of hash (which would move every user) fails here.
        Assert.Equal("79", ShardingEnvelopeExtractor.ShardOf("alice", 100));
    }

    [Fact]
    public void Extractor_unwraps_the_envelope()
    {
        var extractor = new ShardingEnvelopeExtractor(10);
        var envelope = new ShardingEnvelope("bob", "hello");
        Assert.Equal("bob", extractor.EntityId(envelope));
        Assert.Equal("hello", extractor.EntityMessage(envelope));
        Assert.Null(extractor.EntityId("not an envelope"));
    }

    [Fact]
    public void Only_up_members_own_shards()
    {
        static Member M(int n, MemberStatus status) => new(new UniqueAddress(new Address("s", $"10.0.0.{n}", 2552), n), status, n);
        var state = new CurrentClusterState(ImmutableSortedSet.Create(M(1, MemberStatus.Up), M(2, MemberStatus.Leaving), M(3, MemberStatus.Joining), M(4, MemberStatus.Up)), [], null);
        var allocation = new ShardAllocation(state);
        Assert.Equal([M(1, MemberStatus.Up).Address, M(4, MemberStatus.Up).Address], allocation.Owners);
        for (var shard = 0; shard < 50; shard++)
        {
            Assert.Contains(allocation.OwnerOf(shard.ToString(System.Globalization.CultureInfo.InvariantCulture)), allocation.Owners);
        }
        Assert.Null(new ShardAllocation(CurrentClusterState.Empty).OwnerOf("1"));
    }
}
