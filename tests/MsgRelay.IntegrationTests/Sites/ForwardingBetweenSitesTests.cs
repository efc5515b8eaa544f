using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Sites;

/// <summary>Messages for users of site B sent to either node of site A arrive at B, by MSP2 and by RWP.</summary>
public sealed class ForwardingBetweenSitesTests(TwoSitesFixture sites) : IClassFixture<TwoSitesFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Site_a_is_one_cluster_of_two_up_members()
    {
        using var admin = new AdminClient(sites.A1.Node.AdminPort);

        await Eventually.TrueAsync(
            async () =>
            {
                var status = System.Text.Json.JsonSerializer.Deserialize<Cluster.ClusterStatusRow>(
                    await admin.GetTextAsync("/cluster/members"), new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
                return status is { Members.Count: 2 } && status.Members.All(m => m.Status == "Up" && m.Reachable);
            },
            Timeout,
            "a1 sees a1 and a2 Up");
    }

    [Fact]
    public async Task Bob_at_b_reached_through_either_a_node_by_msp2_and_rwp_with_fhst_naming_site_a()
    {
        await using var bob = await RawAgent.LoginAsync(sites.B.Endpoint, "bob", "pts/1", Timeout);
        var cookie = 0;
        foreach (var a in new[] { sites.A1, sites.A2 })
        {
            var msp = WireSenders.MspTcpAsync(a.Endpoint, WireSenders.Msp2("bob@b.example", "", "by msp from " + a.Name, "alice", "console", "c" + cookie++), Timeout);
            var byMsp = await bob.ReceiveAsync(Timeout);
            Assert.StartsWith("+", await msp, StringComparison.Ordinal);
            Assert.Equal(["by msp from " + a.Name], byMsp.Body);
            Assert.Equal(1, byMsp.Hops);
            Assert.StartsWith("alice@", byMsp.From, StringComparison.Ordinal);

            var rwp = WireSenders.RwpAsync(a.Endpoint, "alice", "bob@b.example", ["by rwp from " + a.Name], Timeout);
            var byRwp = await bob.ReceiveAsync(Timeout);
            Assert.Equal("104", (await rwp).Code);
            Assert.Equal(["by rwp from " + a.Name], byRwp.Body);
            Assert.Equal(1, byRwp.Hops);
        }

        await Eventually.TrueAsync(
            () => Task.FromResult(sites.B.Node.Process.Output.Count(l => l.Contains("arrived from site site-a", StringComparison.Ordinal) && l.Contains("FHST path site-a", StringComparison.Ordinal)) >= 4),
            Timeout,
            "B logs four arrivals whose FHST path names site-a");
        await bob.ExpectNoDeliveryAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Autoreply_at_b_travels_back_to_the_sender_at_a_as_300_lines()
    {
        await using var dave = await RawAgent.LoginAsync(sites.B.Endpoint, "dave", "pts/1", Timeout);
        await dave.SendAsync("QUOTE AWAY gone fishing\n");
        await dave.ReadUntilAsync("100", Timeout);

        var sending = WireSenders.RwpAsync(sites.A1.Endpoint, "alice", "dave@b.example", ["hello"], Timeout);
        await dave.ReceiveAsync(Timeout);
        var result = await sending;

        Assert.Equal("104", result.Code);
        Assert.Equal(["gone fishing"], result.Autoreplies);
    }

    [Fact]
    public async Task Local_user_with_a_per_user_forward_is_reached_at_the_other_site()
    {
        await using var erin = await RawAgent.LoginAsync(sites.B.Endpoint, "erin", "pts/1", Timeout);

        var sending = WireSenders.RwpAsync(sites.A2.Endpoint, "alice", "erin@a.example", ["follow me"], Timeout);
        var delivery = await erin.ReceiveAsync(Timeout);

        Assert.Equal("104", (await sending).Code);
        Assert.Equal(["follow me"], delivery.Body);
        Assert.Equal(1, delivery.Hops);
    }

    [Fact]
    public async Task Remote_user_not_logged_in_keeps_b_answer_670()
    {
        var result = await WireSenders.RwpAsync(sites.A2.Endpoint, "alice", "nobody@b.example", ["hello"], Timeout);

        Assert.Equal("670", result.Code);
    }

    [Fact]
    public async Task Vrfy_of_a_routed_recipient_answers_110_with_the_address_and_of_an_unrouted_one_677()
    {
        await using var client = await LineClient.ConnectAsync(sites.A1.Endpoint);
        await client.ReadUntilAsync("100", Timeout);

        await client.SendAsync("TO bob@b.example\n");
        await client.ReadUntilAsync("100", Timeout);
        await client.SendAsync("VRFY\n");
        var routed = await client.ReadUntilAsync("100", Timeout);
        await client.SendAsync("TO bob@nowhere.example\n");
        await client.ReadUntilAsync("100", Timeout);
        await client.SendAsync("VRFY\n");
        var unrouted = await client.ReadUntilAsync("100", Timeout);

        Assert.StartsWith("110 ", routed[^2], StringComparison.Ordinal);
        Assert.Contains("<bob@b.example>", routed[^2], StringComparison.Ordinal);
        Assert.StartsWith("677 ", unrouted[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fwds_at_the_limit_answers_676_and_a_later_send_to_a_remote_recipient_677()
    {
        await using var client = await LineClient.ConnectAsync(sites.A1.Endpoint);
        await client.ReadUntilAsync("100", Timeout);

        await client.SendAsync("FWDS 8\n");
        var fwds = await client.ReadUntilAsync("100", Timeout);
        foreach (var line in new[] { "FROM alice\n", "TO bob@b.example\n", "DATA\n" })
        {
            await client.SendAsync(line);
            await client.ReadUntilAsync(line == "DATA\n" ? "200" : "100", Timeout);
        }

        await client.SendAsync("over the limit\n.\n");
        await client.ReadUntilAsync("100", Timeout);
        await client.SendAsync("SEND\n");
        var send = await client.ReadUntilAsync("100", Timeout);

        Assert.StartsWith("676 ", fwds[^2], StringComparison.Ordinal);
        Assert.StartsWith("677 ", send[^2], StringComparison.Ordinal);
    }
}
