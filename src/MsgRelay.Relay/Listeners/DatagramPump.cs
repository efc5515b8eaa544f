using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// Reads one UDP socket on a thread of its own, in blocking calls, and tells the listener actor of
/// each datagram. The thread ends when the socket is closed: closing a socket wakes the receive
/// blocked on it (<c>DatagramPumpTests</c>).
/// </summary>
/// <remarks>
/// .NET's asynchronous receive registers the socket with its epoll engine for reading and writing
/// alike, and a UDP socket turns writable again after every datagram sent from it: each reply woke
/// the engine's thread for nothing. A thread blocked in <c>recvfrom</c> is woken by datagrams only;
/// with it the front ends answered 25-35% more MSP datagrams (docs/PERFORMANCE.md, front ends).
/// </remarks>
internal static class DatagramPump
{
    private const int MaxDatagram = 65_535;

    /// <summary>Starts the thread for <paramref name="socket"/>, bound at <paramref name="endpoint"/>.</summary>
    public static Thread Start(Socket socket, IPEndPoint endpoint, IActorRef listener, ILogger log)
    {
        var thread = new Thread(() => Run(socket, endpoint, listener, log))
        {
            IsBackground = true,
            Name = "msgrelay-udp-" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        thread.Start();
        return thread;
    }

    private static void Run(Socket socket, IPEndPoint endpoint, IActorRef listener, ILogger log)
    {
        var buffer = new byte[MaxDatagram];
        var address = new SocketAddress(socket.AddressFamily);
        var template = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (true)
        {
            int read;
            try
            {
                read = socket.ReceiveFrom(buffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.Interrupted
                or SocketError.Shutdown or SocketError.NotConnected or SocketError.NotSocket)
            {
                // The socket was closed (unbind, shutdown) while this thread waited in it.
                return;
            }
            catch (SocketException e)
            {
                // ICMP port unreachable from an earlier reply surfaces here on some systems; the socket is still fine.
                log.ReceiveFailed(endpoint, e.SocketErrorCode.ToString());
                continue;
            }

            listener.Tell(new DatagramReceived(buffer.AsSpan(0, read).ToArray(), (IPEndPoint)template.Create(address), socket));
        }
    }
}
