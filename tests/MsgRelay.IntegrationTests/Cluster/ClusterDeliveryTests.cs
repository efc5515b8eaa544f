using System.Text;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>Three nodes act as one relay: any node accepts a message for an agent on any other.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterDeliveryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private ThreeNodeCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Three_nodes_from_one_seed_list_converge_to_Up_and_share_the_shards()
    {
        foreach (var viewer in new[] { 1, 2, 3 })
        {
            await Cluster.WaitForUpAsync(viewer, 3);
        }

        var members = await Cluster.MembersAsync(2);
        Assert.Equal(100, members.Sum(m => m.Shards));
        Assert.All(members, m => Assert.True(m.Shards > 0, $"{m.Address} owns no shard"));
        using var admin = new AdminClient(Cluster[3].AdminPort);
        Assert.Equal(200, await admin.StatusCodeAsync("/health/ready"));
    }

    [Fact]
    public async Task Agent_on_node_3_receives_messages_sent_to_nodes_1_and_2_by_every_protocol()
    {
        await using var agent = await RawAgent.LoginAsync(Cluster[3].Endpoint, "carla", "pts/3", Timeout);

        foreach (var via in new[] { 1, 2 })
        {
            var node = Cluster[via];
            var rwp = WireSenders.RwpAsync(node.Endpoint, "sandy", "carla", [$"rwp via {via}"], Timeout);
            Assert.Equal([$"rwp via {via}"], (await agent.ReceiveAsync(Timeout)).Body);
            Assert.Equal("103", (await rwp).Code);

            var mspTcp = WireSenders.MspTcpAsync(node.Endpoint, WireSenders.Msp2("carla", "", $"msp2 tcp via {via}", "sandy", "console", $"t{via}"), Timeout);
            Assert.Equal([$"msp2 tcp via {via}"], (await agent.ReceiveAsync(Timeout)).Body);
            Assert.StartsWith("+", await mspTcp, StringComparison.Ordinal);

            var mspUdp = WireSenders.UdpAsync(node.Endpoint, WireSenders.Msp2("carla", "", $"msp2 udp via {via}", "sandy", "console", $"u{via}"), Timeout);
            Assert.Equal([$"msp2 udp via {via}"], (await agent.ReceiveAsync(Timeout)).Body);
            Assert.StartsWith("+", Encoding.ASCII.GetString(await mspUdp ?? []), StringComparison.Ordinal);

            var msp1 = WireSenders.UdpAsync(node.Endpoint, WireSenders.Msp1("carla", "", $"msp1 udp via {via}"), Timeout);
            Assert.Equal([$"msp1 udp via {via}"], (await agent.ReceiveAsync(Timeout)).Body);
            Assert.NotNull(await msp1);
        }

        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Same_Msp2_datagram_received_by_two_nodes_is_delivered_once()
    {
        await using var agent = await RawAgent.LoginAsync(Cluster[2].Endpoint, "dmitri", null, Timeout);
        var datagram = WireSenders.Msp2("dmitri", "", "only once", "sandy", "console", "dup-cookie-1");

        var first = WireSenders.UdpAsync(Cluster[1].Endpoint, datagram, Timeout);
        Assert.Equal(["only once"], (await agent.ReceiveAsync(Timeout)).Body);
        Assert.StartsWith("+", Encoding.ASCII.GetString(await first ?? []), StringComparison.Ordinal);

        var copy = await WireSenders.UdpAsync(Cluster[3].Endpoint, datagram, Timeout);
        Assert.StartsWith("+", Encoding.ASCII.GetString(copy ?? []), StringComparison.Ordinal);
        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Broadcast_sent_to_node_1_reaches_agents_on_every_node()
    {
        await using var onTwo = await RawAgent.LoginAsync(Cluster[2].Endpoint, "bcasttwo", null, Timeout);
        await using var onThree = await RawAgent.LoginAsync(Cluster[3].Endpoint, "bcastthree", null, Timeout);

        var sending = WireSenders.MspTcpAsync(Cluster[1].Endpoint, WireSenders.Msp2("", "*", "to the whole site", "root", "console", "b1"), Timeout);

        Assert.Equal(["to the whole site"], (await onTwo.ReceiveAsync(Timeout)).Body);
        Assert.Equal(["to the whole site"], (await onThree.ReceiveAsync(Timeout)).Body);
        Assert.StartsWith("+", await sending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_on_any_node_lists_the_sessions_of_every_node()
    {
        await using var a = await RawAgent.LoginAsync(Cluster[1].Endpoint, "whoone", null, Timeout);
        await using var b = await RawAgent.LoginAsync(Cluster[3].Endpoint, "whothree", null, Timeout);

        using var admin = new AdminClient(Cluster[2].AdminPort);
        var rows = await admin.WhoAsync();

        Assert.Contains(rows, r => r.User == "whoone" && r.Node == "node1");
        Assert.Contains(rows, r => r.User == "whothree" && r.Node == "node3");
    }
}

/// <summary>The cluster tests run one after another: each starts several processes on a 2-core machine.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection
{
    public const string Name = "cluster";
}
