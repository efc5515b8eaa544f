using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Listeners;

/// <summary>The UDP receive thread: what it tells the listener, and that closing the socket ends it.</summary>
public sealed class DatagramPumpTests : TestKit
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Datagrams_reach_the_listener_with_their_sender_and_closing_the_socket_ends_the_thread(bool dualStack)
    {
        var socket = dualStack
            ? new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true }
            : new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(dualStack ? IPAddress.IPv6Any : IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)socket.LocalEndPoint!;
        var thread = DatagramPump.Start(socket, endpoint, TestActor, NullLogger.Instance);

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await client.SendToAsync(Wire.Latin1("Bkim\0\0hi\0"), new IPEndPoint(IPAddress.Loopback, endpoint.Port));

        var datagram = await ExpectMsgAsync<DatagramReceived>();
        Assert.Equal("Bkim\0\0hi\0", Wire.Text(datagram.Data));
        Assert.Equal("127.0.0.1", datagram.PeerHost);
        Assert.Equal(((IPEndPoint)client.LocalEndPoint!).Port, datagram.Remote.Port);
        Assert.Same(socket, datagram.Socket);

        // The listener closes its sockets on unbind; the thread blocked in the receive must not outlive them.
        socket.Dispose();
        Assert.True(thread.Join(Dilated(TimeSpan.FromSeconds(5))), "the receive thread is still blocked after the socket was closed");
    }
}
