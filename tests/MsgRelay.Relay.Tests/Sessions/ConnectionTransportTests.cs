using System.Net;
using System.Net.Sockets;
using System.Text;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

/// <summary>
/// Both transports of an accepted connection - the epoll loop's (<c>epoll: true</c>, where the OS
/// has one) and .NET's socket engine's - keep the same promises to their owner.
/// </summary>
public sealed class ConnectionTransportTests : TestKit, IDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ConnectionTransportTests()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen();
    }

    public void Dispose() => _listener.Dispose();

    private async Task<(Socket Client, IConnectionTransport Transport)> ConnectAsync(bool epoll, int clientReceiveBuffer = 0, TimeSpan? flushTimeout = null)
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

        var transport = EpollTransport.Create(accepted, epoll, flushTimeout ?? TimeSpan.FromSeconds(10));
        Assert.Equal(epoll && EpollTransport.IsSupported, transport is EpollTransport);
        transport.Start(TestActor);
        return (client, transport);
    }

    private Task<int> ReceiveAsync(Socket client, byte[] buffer) =>
        client.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(Dilated(TimeSpan.FromSeconds(5)));

    [Fact]
    public void The_epoll_loop_is_there_on_linux() => Assert.Equal(OperatingSystem.IsLinux(), EpollTransport.IsSupported);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reads_are_told_to_the_owner_and_eof_is_a_clean_close(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll);
        using var _ = client;
        Assert.Equal("127.0.0.1", transport.PeerHost);

        await client.SendAsync(Wire.Latin1("hello"));
        Assert.Equal("hello", Wire.Text((await ExpectMsgAsync<ConnectionReceived>()).Data));
        client.Shutdown(SocketShutdown.Send);

        Assert.Null((await ExpectMsgAsync<ConnectionPeerClosed>()).Error);
        transport.Close();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_client_that_half_closed_still_gets_its_answer(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll);
        using var _ = client;
        await client.SendAsync(Wire.Latin1("Bbob\0\0hi\0"));
        client.Shutdown(SocketShutdown.Send);
        await ExpectMsgAsync<ConnectionReceived>();
        Assert.Null((await ExpectMsgAsync<ConnectionPeerClosed>()).Error);

        transport.Write(Wire.Latin1("+"));
        transport.Close();

        var buffer = new byte[8];
        Assert.Equal(1, await ReceiveAsync(client, buffer));
        Assert.Equal((byte)'+', buffer[0]);
        Assert.Equal(0, await ReceiveAsync(client, buffer));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reset_is_reported_as_an_error(bool epoll)
    {
        var (client, _) = await ConnectAsync(epoll);
        client.LingerState = new LingerOption(true, 0);
        client.Dispose();

        Assert.NotNull((await ExpectMsgAsync<ConnectionPeerClosed>()).Error);
    }

    [Fact]
    public async Task A_failure_inside_the_epoll_loop_closes_the_connection_as_the_transports_fault()
    {
        var (client, transport) = await ConnectAsync(epoll: true);
        using var _ = client;
        if (transport is not EpollTransport epollTransport)
        {
            return; // not Linux: nothing to fail (The_epoll_loop_is_there_on_linux checks which)
        }

        epollTransport.Fail(new InvalidOperationException("broken"));

        var closed = await ExpectMsgAsync<ConnectionPeerClosed>();
        Assert.True(closed.TransportFault);
        Assert.Contains("broken", closed.Error, StringComparison.Ordinal);
        Assert.Equal(0, await ReceiveAsync(client, new byte[8]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Close_sends_what_was_written_first(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll);
        using var _ = client;
        transport.Write(Wire.Latin1("101 Goodbye.\n"));
        transport.Close();

        var buffer = new byte[64];
        var read = await ReceiveAsync(client, buffer);
        Assert.Equal("101 Goodbye.\n", Wire.Text(buffer.AsSpan(0, read)));
        Assert.Equal(0, await ReceiveAsync(client, buffer));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Writes_larger_than_the_socket_takes_arrive_whole_and_in_order(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll, clientReceiveBuffer: 4096);
        using var _ = client;
        const int chunks = 12;
        const int chunkSize = 16 * 1024;
        for (var i = 0; i < chunks; i++)
        {
            var chunk = new byte[chunkSize];
            Array.Fill(chunk, (byte)('a' + i));
            transport.Write(chunk);
        }

        transport.Close();

        // The socket buffers take a few kilobytes; the rest leaves as the client reads.
        var received = new List<byte>(chunks * chunkSize);
        var buffer = new byte[8192];
        for (var reads = 0; reads < 10_000; reads++)
        {
            var read = await ReceiveAsync(client, buffer);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        Assert.Equal(chunks * chunkSize, received.Count);
        for (var i = 0; i < chunks; i++)
        {
            Assert.All(received.GetRange(i * chunkSize, chunkSize), b => Assert.Equal((byte)('a' + i), b));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Client_that_stops_reading_is_dropped_once_replies_pile_up(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll, clientReceiveBuffer: 4096);
        using var _ = client;
        var chunk = new byte[64 * 1024];

        // Small socket buffers fill after a few chunks; then the 256 KiB queue overflows.
        for (var i = 0; i < 200; i++)
        {
            transport.Write(chunk);
        }

        Assert.Equal("client not reading", (await ExpectMsgAsync<ConnectionPeerClosed>()).Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_close_waits_for_a_client_that_does_not_read_only_until_the_flush_timeout(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll, clientReceiveBuffer: 4096, flushTimeout: TimeSpan.FromMilliseconds(200));
        using var _ = client;
        const int written = 192 * 1024;
        transport.Write(new byte[written]);
        transport.Close();

        // The client reads nothing until the transport gave up: only what the kernel already held arrives.
        await AwaitConditionAsync(() => ((SocketTransportBase)transport).IsClosed, Dilated(TimeSpan.FromSeconds(5)));
        var received = 0;
        var buffer = new byte[8192];
        for (var reads = 0; reads < 1000; reads++)
        {
            var read = await ReceiveAsync(client, buffer);
            if (read == 0)
            {
                break;
            }

            received += read;
        }

        Assert.InRange(received, 1, written - 1);
        await ExpectNoMsgAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Paused_reader_lets_at_most_the_current_read_through_until_resumed(bool epoll)
    {
        var (client, transport) = await ConnectAsync(epoll);
        using var _ = client;
        await client.SendAsync(Wire.Latin1("one"));
        Assert.Equal("one", Wire.Text((await ExpectMsgAsync<ConnectionReceived>()).Data));

        transport.PauseReading();
        await client.SendAsync(Wire.Latin1("two"));
        // .NET's engine may have posted its next receive before the pause, so "two" may still pass
        // there; the epoll loop stops at once.
        var seen = new StringBuilder();
        if (await ReceiveOneAsync(Dilated(TimeSpan.FromMilliseconds(200))) is ConnectionReceived early)
        {
            Assert.False(epoll, "the epoll transport read while paused");
            seen.Append(Wire.Text(early.Data));
        }

        await client.SendAsync(Wire.Latin1("three"));
        await ExpectNoMsgAsync();

        transport.ResumeReading();
        for (var reads = 0; reads < 10 && seen.Length < "twothree".Length; reads++)
        {
            seen.Append(Wire.Text((await ExpectMsgAsync<ConnectionReceived>()).Data));
        }

        Assert.Equal("twothree", seen.ToString());
        transport.Close();
    }
}
