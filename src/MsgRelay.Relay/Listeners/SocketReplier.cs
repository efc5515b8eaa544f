using System.Net.Sockets;

namespace MsgRelay.Relay.Listeners;

/// <summary>Answers a datagram from the socket it arrived on (so the reply's source port is the one the client wrote to).</summary>
public sealed class SocketReplier : IDatagramReplier
{
    /// <summary>The one instance: it holds no state.</summary>
    public static SocketReplier Instance { get; } = new();

    /// <inheritdoc/>
    public void Reply(DatagramReceived datagram, ReadOnlyMemory<byte> data)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        try
        {
            datagram.Socket.SendTo(data.Span, SocketFlags.None, datagram.Remote);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A reply is best effort: the peer may be unreachable or the listener closed.
        }
    }
}
