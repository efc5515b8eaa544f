using System.Diagnostics;
using MsgRelay.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>A node that crashes or leaves: the others keep serving and no accepted message is lost.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterFailureTests(ITestOutputHelper output)
{
    /// <summary>The relay's promise for users of a crashed node (docs/design.md: detection, stable-after, removal).</summary>
    private static readonly TimeSpan FailureBudget = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Kill_of_node_3_makes_sends_to_its_users_answer_not_logged_in_within_the_budget()
    {
        // Several users, so that with high odds some have their directory shard on node 3 itself
        // (their requests die with it) and some elsewhere (their sessions die with it).
        var users = Enumerable.Range(0, 6).Select(i => $"kim{i}").ToList();
        await using var cluster = await ThreeNodeCluster.StartAsync();
        var agents = new List<RawAgent>();
        foreach (var user in users)
        {
            agents.Add(await RawAgent.LoginAsync(cluster[3].Endpoint, user, null, Timeout));
        }

        await using var onTwo = await RawAgent.LoginAsync(cluster[2].Endpoint, "lee", null, Timeout);
        var before = WireSenders.RwpAsync(cluster[1].Endpoint, "sandy", "kim0", ["before"], Timeout);
        await agents[0].ReceiveAsync(Timeout);
        Assert.Equal("103", (await before).Code);

        await cluster.KillAsync(3);
        var killed = Stopwatch.StartNew();
        var answered = await Task.WhenAll(users.Select(async user =>
        {
            string code;
            var attempts = 0;
            do
            {
                code = (await WireSenders.RwpAsync(cluster[1].Endpoint, "sandy", user, ["after"], Timeout)).Code;
                output.WriteLine($"{user}: '{code}' {killed.Elapsed.TotalSeconds:F1}s after the kill");
            }
            while (code != "670" && ++attempts < 100 && killed.Elapsed < FailureBudget + Timeout);
            return (User: user, Code: code, After: killed.Elapsed);
        }));

        foreach (var (user, code, after) in answered)
        {
            output.WriteLine($"{user}: first '{code}' {after.TotalSeconds:F1}s after the kill");
            Assert.Equal("670", code);
            Assert.True(after < FailureBudget, $"'not logged in' for {user} came {after.TotalSeconds:F1}s after the kill");
        }

        // Once node 3 is removed its sessions are gone, not merely timing out: the answer is immediate.
        await cluster.WaitForUpAsync(1, 2);
        output.WriteLine($"node 3 removed {killed.Elapsed.TotalSeconds:F1}s after the kill");
        var quick = Stopwatch.StartNew();
        Assert.Equal("670", (await WireSenders.RwpAsync(cluster[2].Endpoint, "sandy", "kim1", ["again"], Timeout)).Code);
        Assert.True(quick.Elapsed < TimeSpan.FromSeconds(2), $"took {quick.Elapsed.TotalSeconds:F1}s");

        var stillServed = WireSenders.RwpAsync(cluster[1].Endpoint, "sandy", "lee", ["still here"], Timeout);
        Assert.Equal(["still here"], (await onTwo.ReceiveAsync(Timeout)).Body);
        Assert.Equal("103", (await stillServed).Code);
        foreach (var agent in agents)
        {
            await agent.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sigterm_of_node_2_while_messages_flow_loses_none_and_node_2_rejoins_after_restart()
    {
        const int PerSender = 15;
        await using var cluster = await ThreeNodeCluster.StartAsync();
        await using var onOne = await RawAgent.LoginAsync(cluster[1].Endpoint, "mona", null, Timeout);
        await using var onThree = await RawAgent.LoginAsync(cluster[3].Endpoint, "ned", null, Timeout);

        // Each agent reads (and acknowledges) everything sent to it while the senders run.
        var monaReads = ReadAll(onOne, 2 * PerSender);
        var nedReads = ReadAll(onThree, 2 * PerSender);
        using var halfway = new SemaphoreSlim(0);
        var senders = new[]
        {
            Send(cluster[1], "mona", "a", PerSender, halfway),
            Send(cluster[3], "mona", "b", PerSender, null),
            Send(cluster[1], "ned", "c", PerSender, null),
            Send(cluster[3], "ned", "d", PerSender, null),
        };
        await halfway.WaitAsync(Timeout);
        var stopping = cluster.StopAsync(2);

        var codes = (await Task.WhenAll(senders)).SelectMany(c => c).ToList();
        Assert.Equal(0, await stopping);
        Assert.All(codes, c => Assert.Equal("103", c));
        var mona = await monaReads;
        var ned = await nedReads;
        Assert.Equal(2 * PerSender, mona.Distinct().Count());
        Assert.Equal(2 * PerSender, ned.Distinct().Count());

        await cluster.WaitForUpAsync(1, 2);
        await cluster.StartAsync(2);
        await cluster.WaitForUpAsync(1, 3);
        await cluster.WaitForUpAsync(2, 3);
        var afterRejoin = WireSenders.RwpAsync(cluster[2].Endpoint, "sandy", "ned", ["after rejoin"], Timeout);
        Assert.Equal(["after rejoin"], (await onThree.ReceiveAsync(Timeout)).Body);
        Assert.Equal("103", (await afterRejoin).Code);
    }

    private static async Task<List<string>> Send(RelayNode via, string to, string tag, int count, SemaphoreSlim? halfway)
    {
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            codes.Add((await WireSenders.RwpAsync(via.Endpoint, "sandy", to, [$"{tag}{i}"], Timeout)).Code);
            if (i == count / 3)
            {
                halfway?.Release();
            }
        }

        return codes;
    }

    private static async Task<List<string>> ReadAll(RawAgent agent, int count)
    {
        var bodies = new List<string>();
        for (var i = 0; i < count; i++)
        {
            bodies.Add(string.Join('\n', (await agent.ReceiveAsync(Timeout)).Body));
        }

        return bodies;
    }
}
