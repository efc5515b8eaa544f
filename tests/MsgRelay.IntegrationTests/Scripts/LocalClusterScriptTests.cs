using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Scripts;

/// <summary>
/// scripts/local-cluster.sh brings up the docker-compose topology on loopback (site A: three
/// clustered nodes, site B: one) from the real config/ files, and a message crosses it.
/// </summary>
[Collection(Cluster.ClusterCollection.Name)]
public sealed class LocalClusterScriptTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task The_two_site_topology_comes_up_and_a_message_to_site_b_sent_to_site_a_is_forwarded_and_delivered()
    {
        var basePort = FreeRange(24);
        var runDir = Path.Combine(_files.Folder, "run");
        var start = await RunScriptAsync("start", basePort, runDir);
        try
        {
            Assert.True(start.ExitCode == 0, $"start failed:\n{start.Output}");
            var a2 = new IPEndPoint(IPAddress.Loopback, basePort + 2);
            var b1 = new IPEndPoint(IPAddress.Loopback, basePort + 4);
            await using var bob = await RawAgent.LoginAsync(b1, "bob", null, TimeSpan.FromSeconds(10));

            var sending = WireSenders.RwpAsync(a2, "alice", "bob@b.example", ["across sites"], TimeSpan.FromSeconds(30));
            var delivery = await bob.ReceiveAsync(TimeSpan.FromSeconds(30));

            Assert.Equal("104", (await sending).Code);
            Assert.Equal(["across sites"], delivery.Body);
            Assert.StartsWith("alice@", delivery.From, StringComparison.Ordinal);
        }
        finally
        {
            var stop = await RunScriptAsync("stop", basePort, runDir);
            Assert.True(stop.ExitCode == 0, $"stop failed:\n{stop.Output}");
        }

        Assert.Empty(Directory.GetFiles(runDir, "*.pid"));
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string action, int basePort, string runDir)
    {
        var info = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(RepoPaths.Root, "scripts", "local-cluster.sh"), action, "--base-port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--run-dir", runDir })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["MSGRELAY"] = $"dotnet {RepoPaths.MsgRelayDll}";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    // A base port whose next `count` ports are free for TCP and UDP right now (bounded attempts).
    private static int FreeRange(int count)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var basePort = Random.Shared.Next(30000, 60000 - count);
            if (Enumerable.Range(basePort + 1, count).All(IsFree))
            {
                return basePort;
            }
        }

        throw new InvalidOperationException($"no {count} consecutive free ports found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
