using System.Globalization;
using System.Net;
using MsgRelay.Testing;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A node of a site on a port chosen before it starts, so that two sites' configs can name each
/// other's RWP address (`rwp://127.0.0.1:port`) and a stopped site can come back on the same port.
/// </summary>
internal sealed class SiteNode : IAsyncDisposable
{
    private readonly string _configFile;
    private readonly int _clusterPort;
    private readonly IReadOnlyList<int>? _seedPorts;

    private SiteNode(string name, int port, string configFile, int clusterPort, IReadOnlyList<int>? seedPorts, RelayNode node)
    {
        Name = name;
        Port = port;
        _configFile = configFile;
        _clusterPort = clusterPort;
        _seedPorts = seedPorts;
        Node = node;
    }

    public string Name { get; }

    public int Port { get; }

    public RelayNode Node { get; private set; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    public string RwpAddress => string.Create(CultureInfo.InvariantCulture, $"rwp://127.0.0.1:{Port}");

    /// <summary>A site config: its name and domains, routes (`domains -> rwp address`) and fast circuit settings for tests.</summary>
    public static string SiteConfig(string site, string domain, params (string Domains, string Via)[] routes) =>
        $$"""
        msgrelay {
          site { name = {{site}}, domains = ["{{domain}}"] }
          routing {
            routes = [
              {{string.Join("\n      ", routes.Select(r => $$"""{ domains = ["{{r.Domains}}"], via = ["{{r.Via}}"] }"""))}}
            ]
            forwarder {
              connect-timeout = 1s
              circuit-breaker { minimum-throughput = 2, break-duration = 1s }
            }
          }
        }
        """;

    /// <summary>Picks a free port (so configs can name it before the node starts).</summary>
    public static int ReservePort() => FreePorts.Next();

    /// <summary>Starts `msgrelay serve` for <paramref name="name"/> on <paramref name="port"/> with <paramref name="configFile"/>.</summary>
    /// <remarks>With <paramref name="seedPorts"/> the node joins those cluster ports (a multi-node site).</remarks>
    public static async Task<SiteNode> StartAsync(string name, int port, string configFile, int clusterPort = 0, IReadOnlyList<int>? seedPorts = null) =>
        new(name, port, configFile, clusterPort, seedPorts, await RelayNode.StartAsync(name, PortArgs(port), configFile, clusterPort, seedPorts));

    /// <summary>Stops the node (SIGTERM) and waits for it to exit.</summary>
    public Task<int> StopAsync() => Node.StopAsync();

    /// <summary>Starts the node again on the same port with the same config.</summary>
    public async Task RestartAsync()
    {
        await Node.DisposeAsync();
        Node = await RelayNode.StartAsync(Name, PortArgs(Port), _configFile, _clusterPort, _seedPorts);
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();

    // Later --set options win, so these replace the ports RelayNode picked for itself.
    private static string[] PortArgs(int port) =>
    [
        "--set", $"msgrelay.listeners.msp.tcp-port={port}",
        "--set", $"msgrelay.listeners.rwp.tcp-port={port}",
        "--set", $"msgrelay.listeners.msp.udp-port={port}",
        "--set", $"msgrelay.listeners.rwp.udp-port={port}",
    ];
}
