using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Sessions;

/// <summary>How the relay names a peer: a TCP connection's, and a datagram's sender.</summary>
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

        if (remote is null)
        {
            return ("unknown", "unknown");
        }

        var address = Unmapped(remote.Address);
        return (address.ToString(), new IPEndPoint(address, remote.Port).ToString());
    }

    /// <summary>The sender host of what arrived from <paramref name="remote"/>, an IPv4 client of a dual-stack socket shown as IPv4.</summary>
    public static string HostOf(IPEndPoint remote) => Unmapped(remote.Address).ToString();

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
