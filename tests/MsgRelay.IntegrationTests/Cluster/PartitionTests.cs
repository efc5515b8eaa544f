using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json;
using MsgRelay.IntegrationTests.Infrastructure;
using MsgRelay.Testing;
using Xunit.Abstractions;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>
/// A network partition of real processes: node 3 is cut off from nodes 1 and 2 by the remoting
/// transport's test-only fault injection (msgrelay.remote.testing), every remoting frame to and
/// from it dropped while its sockets stay open. Keep-majority must leave exactly one side serving.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PartitionTests(ITestOutputHelper output)
{
    private const int NumberOfShards = 100;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    // Failure detection in about 1.5s and a downing decision 1s after that (the defaults take
    // about 6.5s), so the whole test stays well under a minute.
    private static readonly string[] FastCluster =
    [
        "--set", "msgrelay.cluster.gossip-interval=200ms",
        "--set", "msgrelay.cluster.leader-actions-interval=200ms",
        "--set", "msgrelay.cluster.failure-detector.heartbeat-interval=200ms",
        "--set", "msgrelay.cluster.failure-detector.first-heartbeat-estimate=200ms",
        "--set", "msgrelay.cluster.failure-detector.acceptable-heartbeat-pause=1s",
        "--set", "msgrelay.cluster.downing.stable-after=1s",
    ];

    [Fact]
    public async Task Isolated_node_3_downs_itself_and_refuses_while_nodes_1_and_2_own_every_shard_and_keep_delivering()
    {
        using var temp = new TempFiles();
        var controlFile = Path.Combine(temp.Folder, "node3-faults");
        int[] clusterPorts = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
        var nodes = new List<RelayNode>();
        try
        {
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(1, 3).Select(n => RelayNode.StartAsync(
                $"node{n}",
                extraArgs: n == 3
                    ? [.. FastCluster, "--set", "msgrelay.remote.testing.fault-injection=on", "--set", $"msgrelay.remote.testing.fault-injection-file={controlFile}"]
                    : FastCluster,
                clusterPort: clusterPorts[n - 1],
                seedPorts: clusterPorts))));
            var (one, two, three) = (nodes[0], nodes[1], nodes[2]);
            foreach (var node in nodes)
            {
                await WaitForMembersAsync(node, 3);
            }

            // Agents on nodes 1 and 2 only. Twenty users spread over the 100 shards: node 3 owns
            // some of their shards unless the rendezvous hash is wildly skewed (checked below).
            var users = Enumerable.Range(0, 20).Select(i => $"part{i}").ToList();
            var agents = new Dictionary<string, RawAgent>();
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                agents[user] = await RawAgent.LoginAsync(nodes[i % 2].Endpoint, user, null, Timeout);
            }

            foreach (var user in users)
            {
                var sent = WireSenders.RwpAsync(three.Endpoint, "sandy", user, [$"before {user}"], Timeout);
                Assert.Equal([$"before {user}"], (await agents[user].ReceiveAsync(Timeout)).Body);
                Assert.Equal("103", (await sent).Code);
            }

            // Only these users ever touched the directory, so every shard running on node 3 is one of theirs.
            var shardsOnThree = (await StatusAsync(three)).LocalShards;
            output.WriteLine($"directory shards of the test users on node 3 before the partition: {string.Join(", ", shardsOnThree)}");
            Assert.NotEmpty(shardsOnThree);

            // A sender connected to node 3 in the middle of a dialogue when the partition starts.
            await using var pendingSender = await LineClient.ConnectAsync(three.Endpoint);
            await pendingSender.ReadUntilAsync("100", Timeout);
            await pendingSender.SendAsync($"TO {users[0]}\n");
            await pendingSender.ReadUntilAsync("100", Timeout);

            await WriteControlFileAsync(controlFile, "*\n");
            var cut = Stopwatch.StartNew();

            // Minority: not ready (503, or already gone), the waiting sender told 666, the process ends
            // on its own, and then nothing accepts a message there.
            var readiness = await WaitUntilNotReadyAsync(three);
            output.WriteLine($"node 3 not ready {cut.Elapsed.TotalSeconds:F1}s after the cut ({readiness})");
            var refusal = await pendingSender.ReadUntilAsync("666", Timeout);
            Assert.StartsWith("666", refusal[^1], StringComparison.Ordinal);
            output.WriteLine($"node 3 told its sender '{refusal[^1]}' {cut.Elapsed.TotalSeconds:F1}s after the cut");
            var exitCode = await three.Process.WaitForExitAsync(Timeout);
            output.WriteLine($"node 3 exited with {exitCode} {cut.Elapsed.TotalSeconds:F1}s after the cut");
            Assert.Contains(three.Process.Output, line => line.Contains("was downed", StringComparison.Ordinal));
            var refusedAt = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<SocketException>(() => WireSenders.RwpAsync(three.Endpoint, "sandy", users[0], ["to the minority"], Timeout));
            Assert.True(refusedAt.Elapsed < TimeSpan.FromSeconds(2), $"refusal took {refusedAt.Elapsed.TotalSeconds:F1}s");

            // Majority: both nodes see exactly themselves, Up, owning all shards, and ready.
            foreach (var node in new[] { one, two })
            {
                await WaitForMembersAsync(node, 2);
                var members = (await StatusAsync(node)).Members;
                Assert.Equal(NumberOfShards, members.Sum(m => m.Shards));
                Assert.DoesNotContain(members, m => m.Address.EndsWith($":{clusterPorts[2]}", StringComparison.Ordinal));
                using var admin = new AdminClient(node.AdminPort);
                Assert.Equal(200, await admin.StatusCodeAsync("/health/ready"));
            }
            output.WriteLine($"nodes 1 and 2 own all {NumberOfShards} shards {cut.Elapsed.TotalSeconds:F1}s after the cut");

            // Every user is still served, those whose shard was on node 3 included, each through the
            // node its agent is not on. None got the message sent to the minority.
            foreach (var (user, i) in users.Select((u, i) => (u, i)))
            {
                var sent = WireSenders.RwpAsync(nodes[(i + 1) % 2].Endpoint, "sandy", user, [$"after {user}"], Timeout);
                Assert.Equal([$"after {user}"], (await agents[user].ReceiveAsync(Timeout)).Body);
                Assert.Equal("103", (await sent).Code);
            }
            output.WriteLine($"all {users.Count} users served by nodes 1 and 2 {cut.Elapsed.TotalSeconds:F1}s after the cut");

            foreach (var agent in agents.Values)
            {
                await agent.DisposeAsync();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (Environment.GetEnvironmentVariable("MSGRELAY_DUMP") is { } dump)
                {
                    await File.WriteAllLinesAsync(Path.Combine(dump, $"partition-{node.Name}.log"), node.Process.Output);
                }

                await node.DisposeAsync();
            }
        }
    }

    // Replaced in one rename, so the node never reads half a file.
    private static async Task WriteControlFileAsync(string path, string content)
    {
        var staging = path + ".new";
        await File.WriteAllTextAsync(staging, content);
        File.Move(staging, path, overwrite: true);
    }

    private static async Task<ClusterStatusRow> StatusAsync(RelayNode node)
    {
        using var admin = new AdminClient(node.AdminPort);
        var json = await admin.GetTextAsync("/cluster/members");
        return JsonSerializer.Deserialize<ClusterStatusRow>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("empty /cluster/members");
    }

    private static Task WaitForMembersAsync(RelayNode viewer, int count) =>
        Eventually.TrueAsync(
            async () =>
            {
                var members = (await StatusAsync(viewer)).Members;
                return members.Count == count && members.All(m => m.Status == "Up" && m.Reachable);
            },
            ThreeNodeCluster.ConvergeTimeout,
            $"{viewer.Name} sees {count} Up members",
            () => Task.Delay(100)); // allowed: polling interval of an HTTP endpoint

    // 503 while the node is downed but still running; a refused connection once its admin endpoint is gone.
    private static async Task<string> WaitUntilNotReadyAsync(RelayNode node)
    {
        var seen = "";
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var admin = new AdminClient(node.AdminPort);
                    var status = await admin.StatusCodeAsync("/health/ready");
                    seen = $"/health/ready {status}";
                    return status != 200;
                }
                catch (HttpRequestException e)
                {
                    seen = $"admin endpoint gone: {e.Message}";
                    return true;
                }
            },
            Timeout,
            $"{node.Name} stops being ready",
            () => Task.Delay(50)); // allowed: polling interval of an HTTP endpoint
        return seen;
    }
}
