using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// Binds the listening sockets of one port: one per configured address, or with no address one
/// dual-stack IPv6 socket (IPv4 clients appear as mapped addresses), falling back to IPv4 only
/// when the machine has no IPv6.
/// </summary>
public static class SocketBinding
{
    private const int Backlog = 1024;

    /// <summary>Binds and listens on TCP <paramref name="port"/>; on failure nothing stays bound.</summary>
    public static IReadOnlyList<Socket> BindTcp(IReadOnlyList<IPAddress> hosts, int port) =>
        Bind(hosts, port, SocketType.Stream, ProtocolType.Tcp, socket => socket.Listen(Backlog));

    /// <summary>Binds UDP <paramref name="port"/>; on failure nothing stays bound.</summary>
    public static IReadOnlyList<Socket> BindUdp(IReadOnlyList<IPAddress> hosts, int port) =>
        Bind(hosts, port, SocketType.Dgram, ProtocolType.Udp, static _ => { });

    private static List<Socket> Bind(IReadOnlyList<IPAddress> hosts, int port, SocketType type, ProtocolType protocol, Action<Socket> ready)
    {
        var sockets = new List<Socket>();
        try
        {
            if (hosts.Count == 0)
            {
                sockets.Add(BindAny(port, type, protocol, ready));
            }
            else
            {
                foreach (var host in hosts)
                {
                    var socket = new Socket(host.AddressFamily, type, protocol);
                    sockets.Add(socket);
                    Configure(socket, type);
                    socket.Bind(new IPEndPoint(host, port));
                    ready(socket);
                }
            }

            return sockets;
        }
        catch
        {
            foreach (var socket in sockets)
            {
                socket.Dispose();
            }

            throw;
        }
    }

    private static Socket BindAny(int port, SocketType type, ProtocolType protocol, Action<Socket> ready)
    {
        if (Socket.OSSupportsIPv6)
        {
            var dual = new Socket(AddressFamily.InterNetworkV6, type, protocol);
            try
            {
                dual.DualMode = true;
                Configure(dual, type);
                dual.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                ready(dual);
                return dual;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressFamilyNotSupported or SocketError.AddressNotAvailable or SocketError.ProtocolNotSupported)
            {
                dual.Dispose();
            }
        }

        var v4 = new Socket(AddressFamily.InterNetwork, type, protocol);
        try
        {
            Configure(v4, type);
            v4.Bind(new IPEndPoint(IPAddress.Any, port));
            ready(v4);
            return v4;
        }
        catch
        {
            v4.Dispose();
            throw;
        }
    }

    private static void Configure(Socket socket, SocketType type)
    {
        if (type == SocketType.Stream)
        {
            // A restarted node must be able to bind its port while old connections sit in TIME_WAIT.
            // On Linux, .NET's ReuseAddress also sets SO_REUSEPORT, which would let a second node bind
            // the same port silently and steal half its connections; so set SO_REUSEADDR alone there.
            if (OperatingSystem.IsLinux())
            {
                const int SolSocket = 1;
                const int SoReuseAddr = 2;
                socket.SetRawSocketOption(SolSocket, SoReuseAddr, BitConverter.GetBytes(1));
            }
            else
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }
        }
    }

    /// <summary>The endpoint a socket is bound to, with an IPv4-mapped address shown as IPv4.</summary>
    public static IPEndPoint LocalEndpoint(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        return (IPEndPoint)socket.LocalEndPoint!;
    }
}
