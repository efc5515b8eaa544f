using System.Net;
using System.Net.Sockets;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// Starts the node's TCP and UDP front ends: binds every configured port (so a port in use fails
/// start-up here, synchronously), starts one listener actor per port, and hooks them into
/// coordinated shutdown: service-unbind closes the listening sockets, service-requests-done lets
/// open connections finish their pending message and close.
/// </summary>
public static class FrontEnds
{
    /// <summary>Binds and starts the listeners.</summary>
    /// <param name="system">The node's actor system; the listeners are top-level actors named <c>listener-tcp-PORT</c>/<c>listener-udp-PORT</c>.</param>
    /// <param name="settings">From <see cref="ListenerSettings.FromConfig"/>.</param>
    /// <param name="router">Answers <c>Route</c> and <c>VerifyRecipient</c> with a <c>DeliveryOutcome</c>.</param>
    /// <param name="agentSessionProps">Creates an agent session for an RWP connection (connection, peer host); null answers QUOTE AGENT/KEY with 679.</param>
    /// <exception cref="SocketException">A port could not be bound; nothing stays bound.</exception>
    public static FrontEndHandle Start(ActorSystem system, ListenerSettings settings, IActorRef router, Func<AgentConnection, Props>? agentSessionProps = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(router);

        var tcp = PortsOf(settings.MspTcpPort, settings.RwpTcpPort);
        var udp = PortsOf(settings.MspUdpPort, settings.RwpUdpPort);
        var bound = new List<(string Transport, int Port, PortProtocols Protocols, IReadOnlyList<Socket> Sockets)>();
        try
        {
            foreach (var (port, protocols) in tcp)
            {
                bound.Add(("tcp", port, protocols, SocketBinding.BindTcp(settings.Hosts, port)));
            }

            foreach (var (port, protocols) in udp)
            {
                bound.Add(("udp", port, protocols, SocketBinding.BindUdp(settings.Hosts, port)));
            }
        }
        catch
        {
            foreach (var socket in bound.SelectMany(b => b.Sockets))
            {
                socket.Dispose();
            }

            throw;
        }

        var limit = new ConnectionLimit(settings.MaxConnections);
        var listeners = new List<IActorRef>();
        var endpoints = new List<BoundEndpoints>();
        foreach (var (transport, port, protocols, sockets) in bound)
        {
            var props = transport == "tcp"
                ? Props.Create(() => new TcpListenerActor(sockets, protocols, router, settings, limit, agentSessionProps))
                : Props.Create(() => new UdpListenerActor(sockets, protocols, router, settings));
            listeners.Add(system.ActorOf(props, $"listener-{transport}-{port}"));
            endpoints.Add(new BoundEndpoints(transport, [.. sockets.Select(SocketBinding.LocalEndpoint)], protocols));
        }

        var handle = new FrontEndHandle(listeners, endpoints, limit);
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "front-ends-unbind",
            () => handle.StopAcceptingAsync(shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind)));
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "front-ends-drain",
            () => handle.DrainAsync(shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone)));
        return handle;
    }

    private static List<(int Port, PortProtocols Protocols)> PortsOf(int msp, int rwp)
    {
        var ports = new List<(int, PortProtocols)>();
        if (msp != 0 && msp == rwp)
        {
            ports.Add((msp, PortProtocols.Both));
            return ports;
        }

        if (msp != 0)
        {
            ports.Add((msp, PortProtocols.Msp));
        }

        if (rwp != 0)
        {
            ports.Add((rwp, PortProtocols.Rwp));
        }

        return ports;
    }
}

/// <summary>The started front ends: their listener actors and where they are bound.</summary>
public sealed class FrontEndHandle
{
    internal FrontEndHandle(IReadOnlyList<IActorRef> listeners, IReadOnlyList<BoundEndpoints> endpoints, ConnectionLimit limit)
    {
        Listeners = listeners;
        Endpoints = endpoints;
        Limit = limit;
    }

    /// <summary>One actor per bound port and transport.</summary>
    public IReadOnlyList<IActorRef> Listeners { get; }

    /// <summary>Every bound port, in the order of <see cref="Listeners"/>.</summary>
    public IReadOnlyList<BoundEndpoints> Endpoints { get; }

    /// <summary>The node-wide connection count.</summary>
    public ConnectionLimit Limit { get; }

    /// <summary>The first endpoint bound for <paramref name="transport"/> ("tcp"/"udp") serving <paramref name="protocols"/>, or null.</summary>
    public IPEndPoint? Find(string transport, PortProtocols protocols) =>
        Endpoints.FirstOrDefault(e => e.Transport == transport && e.Protocols == protocols)?.Endpoints.FirstOrDefault();

    /// <summary>Closes every listening socket (coordinated shutdown runs this in service-unbind).</summary>
    public Task StopAcceptingAsync(TimeSpan timeout) =>
        Task.WhenAll(Listeners.Select(l => IgnoreTimeout(l.Ask<Unbound>(StopAccepting.Instance, timeout))));

    /// <summary>Lets open connections finish their pending message and close (service-requests-done).</summary>
    public Task DrainAsync(TimeSpan timeout) =>
        Task.WhenAll(Listeners.Select(l => IgnoreTimeout(l.Ask<Drained>(DrainConnections.Instance, timeout))));

    private static async Task IgnoreTimeout(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            // The phase's own timeout bounds shutdown; a listener that did not finish is stopped with the system.
        }
    }
}
