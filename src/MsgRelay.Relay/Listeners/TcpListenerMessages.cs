using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Listeners;

/// <summary>Asks a TCP or UDP listener where it is bound; answered with <see cref="BoundEndpoints"/>.</summary>
public sealed record GetBoundEndpoints
{
    /// <summary>The one instance.</summary>
    public static GetBoundEndpoints Instance { get; } = new();
}

/// <summary>The local endpoints of one listener (<paramref name="Transport"/> "tcp" or "udp") and the protocols it serves.</summary>
public sealed record BoundEndpoints(string Transport, IReadOnlyList<IPEndPoint> Endpoints, PortProtocols Protocols);

/// <summary>Coordinated shutdown, service-unbind: close the listening sockets; answered with <see cref="Unbound"/>.</summary>
public sealed record StopAccepting
{
    /// <summary>The one instance.</summary>
    public static StopAccepting Instance { get; } = new();
}

/// <summary>The listener no longer accepts connections or datagrams.</summary>
public sealed record Unbound
{
    /// <summary>The one instance.</summary>
    public static Unbound Instance { get; } = new();
}

/// <summary>Coordinated shutdown, service-requests-done: let every connection finish and close; answered with <see cref="Drained"/>.</summary>
public sealed record DrainConnections
{
    /// <summary>The one instance.</summary>
    public static DrainConnections Instance { get; } = new();
}

/// <summary>Every connection of the listener has closed.</summary>
public sealed record Drained
{
    /// <summary>The one instance.</summary>
    public static Drained Instance { get; } = new();
}

/// <summary>The accept pump's news: a new connection (the listener owns the socket now).</summary>
internal sealed record ConnectionAccepted(Socket Socket);
