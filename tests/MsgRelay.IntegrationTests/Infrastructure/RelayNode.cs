using System.Net;
using MsgRelay.Testing;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A real `msgrelay serve` process on loopback with its own free ports: MSP and RWP share
/// <see cref="Port"/> on TCP and UDP (as port 18 does in production), admin HTTP on <see cref="AdminPort"/>.
/// </summary>
internal sealed class RelayNode : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);

    private RelayNode(MsgRelayProcess process, int port, int adminPort, string name, int clusterPort)
    {
        ClusterPort = clusterPort;
        Process = process;
        Port = port;
        AdminPort = adminPort;
        Name = name;
    }

    public MsgRelayProcess Process { get; }

    public int Port { get; }

    public int AdminPort { get; }

    public string Name { get; }

    /// <summary>The cluster (remoting) port when the test chose one, else 0 (any free port).</summary>
    public int ClusterPort { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    public string Server => $"127.0.0.1:{Port}";

    /// <summary>
    /// Starts a node. <paramref name="clusterPort"/> and <paramref name="seedPorts"/> make it a member of
    /// a multi-node cluster on loopback; without them it is a cluster of one on any free cluster port.
    /// </summary>
    public static async Task<RelayNode> StartAsync(
        string name = "node1",
        IEnumerable<string>? extraArgs = null,
        string? configFile = null,
        int clusterPort = 0,
        IReadOnlyList<int>? seedPorts = null,
        int? port = null,
        int? adminPort = null)
    {
        var relayPort = port ?? FreePorts.Next();
        var admin = adminPort ?? FreePorts.Next();
        var args = new List<string>
        {
            "serve",
            "--set", $"msgrelay.node.name={name}",
            "--set", $"msgrelay.listeners.msp.tcp-port={relayPort}",
            "--set", $"msgrelay.listeners.rwp.tcp-port={relayPort}",
            "--set", $"msgrelay.listeners.msp.udp-port={relayPort}",
            "--set", $"msgrelay.listeners.rwp.udp-port={relayPort}",
            "--set", $"msgrelay.admin.port={admin}",
            "--set", $"msgrelay.cluster.port={clusterPort}",
        };
        if (seedPorts is { Count: > 0 })
        {
            args.AddRange(["--set", "msgrelay.cluster.seed-nodes=[" + string.Join(",", seedPorts.Select(p => $"\"127.0.0.1:{p}\"")) + "]"]);
        }
        if (configFile is not null)
        {
            args.AddRange(["--config", configFile]);
        }

        args.AddRange(extraArgs ?? []);
        var process = MsgRelayProcess.Start(args);
        try
        {
            await process.WaitForLineAsync("is up", StartTimeout);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new RelayNode(process, relayPort, admin, name, clusterPort);
    }

    public async Task<int> StopAsync()
    {
        Process.Signal(Posix.SIGTERM);
        return await Process.WaitForExitAsync(StartTimeout);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
