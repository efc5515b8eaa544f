using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// The bound sockets of one listener actor (TCP or UDP) with their endpoints, closed once on unbind.
/// Owned by the actor, so it needs no locking.
/// </summary>
internal sealed class ListeningSockets(IReadOnlyList<Socket> sockets, string transport)
{
    public IReadOnlyList<Socket> Sockets { get; } = sockets;

    public IReadOnlyList<IPEndPoint> Endpoints { get; } = [.. sockets.Select(SocketBinding.LocalEndpoint)];

    public string Transport { get; } = transport;

    public bool IsUnbound { get; private set; }

    /// <summary>Closes every socket (their receive or accept loops end) and logs it; later calls do nothing.</summary>
    public void Unbind(ILogger log)
    {
        if (IsUnbound)
        {
            return;
        }

        IsUnbound = true;
        for (var i = 0; i < Sockets.Count; i++)
        {
            Sockets[i].Dispose();
            log.Unbound(Transport, Endpoints[i]);
        }
    }
}
