using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Hocon;
using MsgRelay.Remote;
using MsgRelay.Remote.Transport.InMemory;

namespace MsgRelay.Cluster.Sharding.Tests;

public sealed class ShardingClusterTests : TestKit
{
    private const string FastConfig = """
        msgrelay.cluster {
          gossip-interval = 100ms
          leader-actions-interval = 100ms
          seed-node-timeout = 1s
          seed-nodes = ["10.0.0.1:2552"]
          failure-detector { heartbeat-interval = 100ms, acceptable-heartbeat-pause = 1s, first-heartbeat-estimate = 100ms, min-std-deviation = 50ms }
          downing.stable-after = 1s
        }
        msgrelay.remote { min-backoff = 20ms, max-backoff = 200ms }
        """;

    private static readonly ActorSystemSettings NodeSettings = new() { CoordinatedShutdownDefaultPhaseTimeout = TimeSpan.FromSeconds(2) };
    private readonly InMemoryNetwork _network = new();
    private readonly List<ActorSystem> _others = [];
    private readonly ShardingEnvelopeExtractor _extractor = new(30);

    public ShardingClusterTests() : base(NodeSettings)
    {
    }

    public override async Task DisposeAsync()
    {
        await Task.WhenAll(_others.Select(s => s.Terminate()));
        await base.DisposeAsync();
    }

    private static Address AddressOf(int node) => new("test", $"10.0.0.{node}", 2552);

    private async Task<(Cluster Cluster, IActorRef Region)> StartNode(int node, string extraConfig = "")
    {
        var system = node == 1 ? Sys : ActorSystem.Create("test", NodeSettings);
        if (node != 1)
        {
            _others.Add(system);
        }
        var config = ConfigFactory.ParseString($"msgrelay.cluster.host = \"10.0.0.{node}\"\n{extraConfig}\n{FastConfig}");
        var cluster = await Cluster.StartAsync(system, config, _network.CreateTransport());
        var region = ClusterSharding.Get(system).Start("user", id => Props.Create(() => new NodeEntity(id)), _extractor);
        return (cluster, region);
    }

    private async Task<(Cluster Cluster, IActorRef Region)[]> StartThree(string thirdConfig = "")
    {
        var nodes = new[] { await StartNode(1), await StartNode(2), await StartNode(3, thirdConfig) };
        await AwaitAssertAsync(() => Assert.All(nodes, n =>
        {
            Assert.Equal(3, n.Cluster.State.Members.Count(m => m.Status == MemberStatus.Up));
        }), Dilated(TimeSpan.FromSeconds(10)));
        return nodes;
    }

    private string ExpectedHost(IEnumerable<int> upNodes, string entityId) =>
        RendezvousHashing.OwnerOf(ShardingEnvelopeExtractor.ShardOf(entityId, _extractor.NumberOfShards), upNodes.Select(AddressOf))!.Host;

    [Fact]
    public async Task Messages_reach_the_entity_on_the_node_that_owns_its_shard_and_replies_come_back()
    {
        var nodes = await StartThree();
        var ids = Enumerable.Range(0, 20).Select(i => $"user{i}").ToList();

        foreach (var id in ids)
        {
            // Through node 1's region: the probe lives in node 1's system, so its path names node 1.
            nodes[0].Region.Tell(new ShardingEnvelope(id, "hi"), TestActor);
        }

        var replies = (await ReceiveNAsync(ids.Count, Dilated(TimeSpan.FromSeconds(5)))).Cast<string>().ToHashSet();
        Assert.Equal(ids.Select(id => $"{id}@{ExpectedHost([1, 2, 3], id)}:hi").ToHashSet(), replies);
        Assert.Equal(3, replies.Select(r => r.Split('@')[1].Split(':')[0]).Distinct().Count());
    }

    [Fact]
    public async Task Shards_of_a_leaving_node_move_to_the_remaining_members()
    {
        var nodes = await StartThree();
        var onThird = Enumerable.Range(0, 40).Select(i => $"user{i}").First(id => ExpectedHost([1, 2, 3], id) == "10.0.0.3");
        nodes[0].Region.Tell(new ShardingEnvelope(onThird, "before"), TestActor);
        Assert.Equal($"{onThird}@10.0.0.3:before", await ExpectMsgAsync<string>(Dilated(TimeSpan.FromSeconds(5))));

        await CoordinatedShutdown.Get(nodes[2].Cluster.System).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        await AwaitAssertAsync(() => Assert.Equal(2, nodes[0].Cluster.State.Members.Count), Dilated(TimeSpan.FromSeconds(5)));

        nodes[0].Region.Tell(new ShardingEnvelope(onThird, "after"), TestActor);
        Assert.Equal($"{onThird}@{ExpectedHost([1, 2], onThird)}:after", await ExpectMsgAsync<string>(Dilated(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task Messages_wait_in_the_region_until_the_node_is_up()
    {
        var region = ClusterSharding.Get((await StartNode(1)).Cluster.System).ShardRegion("user");

        region.Tell(new ShardingEnvelope("early", "hi"), TestActor);

        Assert.Equal("early@10.0.0.1:hi", await ExpectMsgAsync<string>(Dilated(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task A_downed_minority_node_hands_off_its_shards_and_stops_serving()
    {
        var nodes = await StartThree("msgrelay.cluster.run-coordinated-shutdown-when-down = off");
        var third = nodes[2];
        var localId = Enumerable.Range(0, 40).Select(i => $"user{i}").First(id => ExpectedHost([1, 2, 3], id) == "10.0.0.3");
        nodes[0].Region.Tell(new ShardingEnvelope(localId, "before"), TestActor);
        await ExpectMsgAsync($"{localId}@10.0.0.3:before", Dilated(TimeSpan.FromSeconds(5)));
        Assert.NotEmpty((await third.Region.Ask<CurrentRegionShards>(new GetRegionShards(), Dilated(TimeSpan.FromSeconds(3)))).LocalShards);

        _network.Isolate(AddressOf(3));
        await AwaitAssertAsync(() => Assert.Equal(MemberStatus.Down, third.Cluster.SelfMember.Status), Dilated(TimeSpan.FromSeconds(10)));

        await AwaitAssertAsync(async () =>
            Assert.Empty((await third.Region.Ask<CurrentRegionShards>(new GetRegionShards(), Dilated(TimeSpan.FromSeconds(3)))).LocalShards), Dilated(TimeSpan.FromSeconds(3)));
        third.Region.Tell(new ShardingEnvelope(localId, "during"), third.Cluster.System.DeadLetters);
        Assert.Empty((await third.Region.Ask<CurrentRegionShards>(new GetRegionShards(), Dilated(TimeSpan.FromSeconds(3)))).LocalShards);
    }
}
