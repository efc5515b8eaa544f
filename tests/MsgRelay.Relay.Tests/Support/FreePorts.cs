using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>
/// Ports for listener tests. Port 0 means "disabled" in the settings, so tests pick a port that
/// is free for TCP and UDP on loopback right now and pass it in; the kernel hands out ephemeral
/// ports in rotation, so a collision before the listener binds is very unlikely.
/// </summary>
public static class FreePorts
{
    public static int Next()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP: try another.
            }
        }

        throw new InvalidOperationException("No port free for both TCP and UDP on loopback after 50 attempts");
    }
}
