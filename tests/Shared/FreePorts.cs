using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Testing;

/// <summary>
/// Ports for nodes under test. The node treats port 0 as "disabled", so tests pick free ports
/// themselves: a port that is free for TCP and UDP at once, since MSP and RWP share one number on both.
/// </summary>
internal static class FreePorts
{
    private static readonly object Gate = new();
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var tcp = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = true };
                tcp.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
                var port = ((IPEndPoint)tcp.LocalEndPoint!).Port;
                if (Handed.Contains(port))
                {
                    continue;
                }

                try
                {
                    using var udp = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
                    udp.Bind(new IPEndPoint(IPAddress.IPv6Any, port));
                }
                catch (SocketException)
                {
                    continue;
                }

                Handed.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException("no port free for both TCP and UDP after 100 attempts");
    }
}
