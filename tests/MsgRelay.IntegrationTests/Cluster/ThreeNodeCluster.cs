using System.Text.Json;
using MsgRelay.IntegrationTests.Infrastructure;
using MsgRelay.Testing;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>
/// Three real `msgrelay serve` processes of one site on loopback, every one listing all three as
/// seeds. Nodes can be killed, stopped and started again on the same ports.
/// </summary>
internal sealed class ThreeNodeCluster : IAsyncDisposable
{
    public static readonly TimeSpan ConvergeTimeout = TimeSpan.FromSeconds(40);

    private readonly RelayNode?[] _nodes = new RelayNode?[3];
    private readonly int[] _clusterPorts = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
    private readonly int[] _ports = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
    private readonly int[] _adminPorts = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];

    /// <summary>Node 1, 2 or 3.</summary>
    public RelayNode this[int number] => _nodes[number - 1] ?? throw new InvalidOperationException($"node {number} is not running");

    public static async Task<ThreeNodeCluster> StartAsync()
    {
        var cluster = new ThreeNodeCluster();
        try
        {
            await Task.WhenAll(StartNode(cluster, 1), StartNode(cluster, 2), StartNode(cluster, 3));
            await cluster.WaitForUpAsync(1, 3);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        static async Task StartNode(ThreeNodeCluster c, int n) => await c.StartAsync(n);
    }

    /// <summary>Starts node <paramref name="number"/> (again) on its ports.</summary>
    public async Task StartAsync(int number)
    {
        var i = number - 1;
        _nodes[i] = await RelayNode.StartAsync($"node{number}", clusterPort: _clusterPorts[i], seedPorts: _clusterPorts, port: _ports[i], adminPort: _adminPorts[i]);
    }

    /// <summary>Kills node <paramref name="number"/> with SIGKILL: no leave, no goodbye.</summary>
    public async Task KillAsync(int number)
    {
        var node = this[number];
        node.Process.Signal(Posix.SIGKILL);
        await node.Process.WaitForExitAsync(RelayNode.StartTimeout);
        await node.DisposeAsync();
        _nodes[number - 1] = null;
    }

    /// <summary>Stops node <paramref name="number"/> with SIGTERM (graceful leave) and returns its exit code.</summary>
    public async Task<int> StopAsync(int number)
    {
        var node = this[number];
        var code = await node.StopAsync();
        await node.DisposeAsync();
        _nodes[number - 1] = null;
        return code;
    }

    /// <summary>The members node <paramref name="viewer"/> reports via /cluster/members.</summary>
    public async Task<IReadOnlyList<MemberRow>> MembersAsync(int viewer)
    {
        using var admin = new AdminClient(this[viewer].AdminPort);
        var json = await admin.GetTextAsync("/cluster/members");
        var status = JsonSerializer.Deserialize<ClusterStatusRow>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        return status?.Members ?? [];
    }

    /// <summary>Waits until node <paramref name="viewer"/> sees exactly <paramref name="count"/> members, all Up and reachable.</summary>
    public Task WaitForUpAsync(int viewer, int count) =>
        Eventually.TrueAsync(
            async () =>
            {
                var members = await MembersAsync(viewer);
                return members.Count == count && members.All(m => m.Status == "Up" && m.Reachable);
            },
            ConvergeTimeout,
            $"node {viewer} sees {count} Up members",
            () => Task.Delay(200)); // allowed: polling interval of an HTTP endpoint

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                // MSGRELAY_DUMP=<dir> keeps every node's output for a failed run.
                if (Environment.GetEnvironmentVariable("MSGRELAY_DUMP") is { } dump)
                {
                    await File.WriteAllLinesAsync(Path.Combine(dump, $"{node.Name}-{node.Port}.log"), node.Process.Output);
                }

                await node.DisposeAsync();
            }
        }
    }
}

internal sealed record MemberRow(string Address, string Status, bool Reachable, bool IsSelf, int Shards);

internal sealed record ClusterStatusRow(string Self, string SelfStatus, string? Leader, List<MemberRow> Members, List<string> LocalShards);
