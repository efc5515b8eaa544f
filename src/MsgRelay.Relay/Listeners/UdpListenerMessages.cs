using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// One datagram as the receive pump read it: the bytes (owned by the receiver), who sent it, and
/// the socket it came in on, which the answer goes out of.
/// </summary>
public sealed record DatagramReceived(byte[] Data, IPEndPoint Remote, Socket Socket)
{
    /// <summary>The sender's address as text, IPv4-mapped addresses shown as IPv4.</summary>
    public string PeerHost => Sessions.SocketPeer.HostOf(Remote);
}
