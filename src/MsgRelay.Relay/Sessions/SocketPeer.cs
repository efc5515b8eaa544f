using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Sessions;

/// <summary>How a connection's transports name its peer.</summary>
internal static class SocketPeer
{
    /// <summary>
    /// The peer's address (an IPv4 client of a dual-stack socket shown as IPv4) and address:port;
    /// "unknown" when the connection was reset before it could be asked.
    /// </summary>
    public static (string Host, string Endpoint) Describe(Socket socket)
    {
        IPEndPoint? remote = null;
        try
        {
            remote = socket.RemoteEndPoint as IPEndPoint;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset between accept and here: the first read reports it; nothing to fail over.
        }

        var address = remote?.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : remote?.Address;
        return (address?.ToString() ?? "unknown",
            remote is null ? "unknown" : new IPEndPoint(address!, remote.Port).ToString());
    }
}
