using System.Net;
using System.Net.Sockets;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

public sealed class SocketTransportTests : TestKit, IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public SocketTransportTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
    }

    public void Dispose() => _listener.Dispose();

    private async Task<(Socket Client, SocketTransport Transport)> ConnectAsync(int clientReceiveBuffer = 0)
    {
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (clientReceiveBuffer > 0)
        {
            client.ReceiveBufferSize = clientReceiveBuffer;
        }

        await client.ConnectAsync((IPEndPoint)_listener.LocalEndPoint!);
        var accepted = await _listener.AcceptAsync();
        if (clientReceiveBuffer > 0)
        {
            accepted.SendBufferSize = clientReceiveBuffer;
        }

        var transport = new SocketTransport(accepted);
        transport.Start(TestActor);
        return (client, transport);
    }

    [Fact]
    public async Task Reads_are_told_to_the_owner_and_eof_is_a_clean_close()
    {
        var (client, transport) = await ConnectAsync();
        using var _ = client;
        Assert.Equal("127.0.0.1", transport.PeerHost);

        await client.SendAsync(Wire.Latin1("hello"));
        Assert.Equal("hello", Wire.Text((await ExpectMsgAsync<ConnectionReceived>()).Data));
        client.Shutdown(SocketShutdown.Send);

        Assert.Null((await ExpectMsgAsync<ConnectionPeerClosed>()).Error);
        transport.Close();
    }

    [Fact]
    public async Task Close_sends_what_was_written_first()
    {
        var (client, transport) = await ConnectAsync();
        using var _ = client;
        transport.Write(Wire.Latin1("101 Goodbye.\n"));
        transport.Close();

        var buffer = new byte[64];
        var read = await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal("101 Goodbye.\n", Wire.Text(buffer.AsSpan(0, read)));
        Assert.Equal(0, await client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Dilated(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task Client_that_stops_reading_is_dropped_once_replies_pile_up()
    {
        var (client, transport) = await ConnectAsync(clientReceiveBuffer: 4096);
        using var _ = client;
        var chunk = new byte[64 * 1024];

        // Small socket buffers fill after a few chunks; then the 256 KiB queue overflows.
        for (var i = 0; i < 200; i++)
        {
            transport.Write(chunk);
        }

        Assert.Equal("client not reading", (await ExpectMsgAsync<ConnectionPeerClosed>()).Error);
    }

    [Fact]
    public async Task Paused_reader_reads_nothing_more_until_resumed()
    {
        var (client, transport) = await ConnectAsync();
        using var _ = client;
        transport.PauseReading();
        await client.SendAsync(Wire.Latin1("one"));
        await ExpectMsgAsync<ConnectionReceived>();
        await client.SendAsync(Wire.Latin1("two"));
        await ExpectNoMsgAsync();

        transport.ResumeReading();

        Assert.Equal("two", Wire.Text((await ExpectMsgAsync<ConnectionReceived>()).Data));
        transport.Close();
    }
}
