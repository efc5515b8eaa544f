using System.Text.Json;
using MsgRelay.IntegrationTests.Infrastructure;
using MsgRelay.Testing;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>/health/ready follows membership: not ready while a node cannot join, ready once it is Up, and still ready after a peer leaves.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReadinessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Ready_only_after_joining_and_still_ready_when_the_other_member_leaves()
    {
        var seedPort = FreePorts.Next();
        var joinerCluster = FreePorts.Next();
        var joinerAdmin = FreePorts.Next();
        var joinerPort = FreePorts.Next();

        // The joiner's only seed is not running yet, so it keeps trying to join and must not be ready.
        await using var joiner = MsgRelayProcess.Start(
        [
            "serve", "--set", "msgrelay.node.name=joiner",
            "--set", $"msgrelay.listeners.msp.tcp-port={joinerPort}", "--set", $"msgrelay.listeners.rwp.tcp-port={joinerPort}",
            "--set", $"msgrelay.listeners.msp.udp-port={joinerPort}", "--set", $"msgrelay.listeners.rwp.udp-port={joinerPort}",
            "--set", $"msgrelay.admin.port={joinerAdmin}", "--set", $"msgrelay.cluster.port={joinerCluster}",
            "--set", $"msgrelay.cluster.seed-nodes=[\"127.0.0.1:{seedPort}\"]",
        ]);
        await joiner.WaitForLineAsync("admin HTTP listening", Timeout);
        using var admin = new AdminClient(joinerAdmin);
        Assert.Equal(503, await admin.StatusCodeAsync("/health/ready"));
        Assert.Equal(200, await admin.StatusCodeAsync("/health/live"));

        await using var seed = await RelayNode.StartAsync("seed", clusterPort: seedPort, seedPorts: [seedPort]);
        await joiner.WaitForLineAsync("is up", Timeout);
        await Eventually.TrueAsync(async () => await admin.StatusCodeAsync("/health/ready") == 200, Timeout, "the joiner became ready");

        Assert.Equal(0, await seed.StopAsync());

        await Eventually.TrueAsync(
            async () =>
            {
                var status = JsonSerializer.Deserialize<ClusterStatusRow>(await admin.GetTextAsync("/cluster/members"), new JsonSerializerOptions(JsonSerializerDefaults.Web));
                return status is { Members.Count: 1 } && status.Members[0].IsSelf;
            },
            Timeout,
            "the seed left the joiner's member list");
        Assert.Equal(200, await admin.StatusCodeAsync("/health/ready"));
    }
}
