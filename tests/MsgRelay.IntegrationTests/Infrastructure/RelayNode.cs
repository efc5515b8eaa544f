using System.Net;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A real `msgrelay serve` process on loopback with its own free ports: MSP and RWP share
/// <see cref="Port"/> on TCP and UDP (as port 18 does in production), admin HTTP on <see cref="AdminPort"/>.
/// </summary>
internal sealed class RelayNode : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);

    private RelayNode(MsgRelayProcess process, int port, int adminPort, string name)
    {
        Process = process;
        Port = port;
        AdminPort = adminPort;
        Name = name;
    }

    public MsgRelayProcess Process { get; }

    public int Port { get; }

    public int AdminPort { get; }

    public string Name { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    public string Server => $"127.0.0.1:{Port}";

    public static async Task<RelayNode> StartAsync(string name = "node1", IEnumerable<string>? extraArgs = null, string? configFile = null)
    {
        var port = FreePorts.Next();
        var adminPort = FreePorts.Next();
        var args = new List<string>
        {
            "serve",
            "--set", $"msgrelay.node.name={name}",
            "--set", $"msgrelay.listeners.msp.tcp-port={port}",
            "--set", $"msgrelay.listeners.rwp.tcp-port={port}",
            "--set", $"msgrelay.listeners.msp.udp-port={port}",
            "--set", $"msgrelay.listeners.rwp.udp-port={port}",
            "--set", $"msgrelay.admin.port={adminPort}",
        };
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

        return new RelayNode(process, port, adminPort, name);
    }

    public async Task<int> StopAsync()
    {
        Process.Signal(Posix.SIGTERM);
        return await Process.WaitForExitAsync(StartTimeout);
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
