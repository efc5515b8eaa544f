using System.Net;
using System.Net.Sockets;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;
using MsgRelay.Testing;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class TcpFrontEndTests : FrontEndTestBase
{
    private const string Ready = "100 Ready.\n";

    private static ListenerSettings SeparatePorts(int msp, int rwp) => SharedPortSettings(msp) with
    {
        RwpTcpPort = rwp,
        RwpUdpPort = rwp,
        // Dedicated ports never wait for a sniff window: a window this long would make the RWP tests time out.
        SniffWindow = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task Rfc_example_over_tcp_on_the_shared_port_is_answered_plus()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.RfcExample);

        Assert.Equal("+\0", Wire.Text(await client.ReceiveExactlyAsync(2)));
        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal("chris", route.Message.To.User);
        Assert.Equal("127.0.0.1", route.Message.From.Host);
        Assert.Equal("Hi\nHow about lunch?", route.Message.Body);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Several_msp2_messages_on_one_connection_are_answered_in_order(bool epoll)
    {
        Start(SharedPortSettings(FreePorts.Next()) with { UseEpoll = epoll }, answer: q => ((Route)q).Message.To.User == "nobody" ? DeliveryOutcome.NotLoggedIn("nobody") : DeliveryOutcome.Delivered());
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.Concat(Wire.Msp2("alice", "1", cookie: "1"), Wire.Msp2("nobody", "2", cookie: "2"), Wire.Msp2("bob", "3", cookie: "3")));

        var expected = "+\0-nobody is not logged in\0+\0";
        Assert.Equal(expected, Wire.Text(await client.ReceiveExactlyAsync(expected.Length)));
    }

    [Fact]
    public async Task Rwp_client_that_waits_is_greeted_after_the_sniff_window_and_can_send()
    {
        Start(SharedPortSettings(FreePorts.Next()) with { SniffWindow = TimeSpan.FromMilliseconds(20) });
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));

        Assert.Equal(Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("TO alice\n");
        Assert.Equal("106 Recipient ok.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("FROM bob\n");
        Assert.Equal("105 Sender ok.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("DATA\nhi there\n.\n");
        Assert.Equal("200 Enter message.  Single dot '.' on line terminates.\n107 Message ok.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("SEND\n");
        Assert.Equal("103 Message delivered.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("BYE\n");
        Assert.Equal("101 Goodbye.\n", await client.ReceiveUntilAsync("\n"));
        Assert.True(await client.IsClosedByServerAsync());

        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.RwpTcp, route.Message.Protocol);
        Assert.Equal("hi there", route.Message.Body);
    }

    [Fact]
    public async Task Rwp_client_that_talks_first_on_the_shared_port_is_greeted_and_answered()
    {
        Start(SharedPortSettings(FreePorts.Next()) with { SniffWindow = TimeSpan.FromMinutes(5) });
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync("HELO\n");

        Assert.Equal(Ready + "500 Hello 127.0.0.1. This is relay.test speaking.\n" + Ready, await client.ReceiveUntilAsync(Ready + "500 Hello 127.0.0.1. This is relay.test speaking.\n" + Ready));
    }

    [Fact]
    public async Task Separate_ports_serve_msp_and_rwp_without_sniffing()
    {
        var msp = FreePorts.Next();
        var rwp = FreePorts.Next();
        Start(SeparatePorts(msp, rwp));
        Assert.Equal(msp, Tcp(PortProtocols.Msp).Port);
        Assert.Equal(rwp, Tcp(PortProtocols.Rwp).Port);

        await using var rwpClient = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await rwpClient.ReceiveUntilAsync(Ready));

        await using var mspClient = await LineClient.ConnectAsync(Tcp(PortProtocols.Msp));
        await mspClient.SendAsync(Wire.Msp2("alice", "hi"));
        Assert.Equal("+\0", Wire.Text(await mspClient.ReceiveExactlyAsync(2)));
    }

    [Fact]
    public async Task Listener_answers_where_it_is_bound()
    {
        var port = FreePorts.Next();
        var handle = Start(SharedPortSettings(port));

        var bound = await handle.Listeners[0].Ask<BoundEndpoints>(GetBoundEndpoints.Instance, TimeSpan.FromSeconds(5));

        Assert.Equal("tcp", bound.Transport);
        Assert.Equal(PortProtocols.Both, bound.Protocols);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), Assert.Single(bound.Endpoints));
    }

    [Fact]
    public async Task Msp_with_a_control_character_is_refused_and_the_connection_stays_usable()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.Msp2("alice", "\u001b[2J"));

        var refusal = "-Control character in message\0";
        Assert.Equal(refusal, Wire.Text(await client.ReceiveExactlyAsync(refusal.Length)));
        await client.SendAsync(Wire.Msp2("alice", "clean"));
        Assert.Equal("+\0", Wire.Text(await client.ReceiveExactlyAsync(2)));
    }

    [Fact]
    public async Task Oversize_msp_is_refused_and_closed()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync("Balice\0\0" + new string('x', 600));

        var refusal = "-Message too long\0";
        Assert.Equal(refusal, Wire.Text(await client.ReceiveExactlyAsync(refusal.Length)));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Rwp_bad_input_gets_668_or_698_and_the_session_continues()
    {
        Start(SeparatePorts(FreePorts.Next(), FreePorts.Next()) with { MaxLineLength = 64, MaxMessageBytes = 10 });
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        await client.ReceiveUntilAsync(Ready);

        await client.SendAsync("TO\n");
        Assert.Equal("668 Syntax error.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("FROM " + new string('a', 200) + "\n");
        Assert.Equal("668 Syntax error.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("DATA\nthis body is longer than ten bytes\n.\n");
        Assert.Equal("200 Enter message.  Single dot '.' on line terminates.\n698 Message too long.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("SEND\n");
        Assert.Equal("673 Sender missing.\n" + Ready, await client.ReceiveUntilAsync(Ready));
        await client.SendAsync("FROM bob\n");
        Assert.Equal("105 Sender ok.\n" + Ready, await client.ReceiveUntilAsync(Ready));
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused_politely()
    {
        Start(SeparatePorts(FreePorts.Next(), FreePorts.Next()) with { MaxConnections = 1 });
        await using var first = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await first.ReceiveUntilAsync(Ready));

        await using var second = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal("698 Too many connections, try again later.\n", await second.ReceiveUntilAsync("\n"));
        Assert.True(await second.IsClosedByServerAsync());

        await using var third = await LineClient.ConnectAsync(Tcp(PortProtocols.Msp));
        var refusal = "-Too many connections, try again later\0";
        Assert.Equal(refusal, Wire.Text(await third.ReceiveExactlyAsync(refusal.Length)));

        await first.SendAsync("QUIT\n");
        Assert.True(await first.IsClosedByServerAsync());
        await AwaitConditionAsync(() => FrontEnds.Limit.Open == 0);
        await using var fourth = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await fourth.ReceiveUntilAsync(Ready));
    }

    [Fact]
    public async Task Client_that_resets_right_after_sending_still_has_its_message_routed()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.Msp2("alice", "last words"));
        client.Socket.LingerState = new LingerOption(true, 0);
        await client.DisposeAsync();

        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal("alice", route.Message.To.User);
        await using var next = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await next.SendAsync(Wire.Msp2("bob", "hi"));
        Assert.Equal("+\0", Wire.Text(await next.ReceiveExactlyAsync(2)));
    }

    [Fact]
    public async Task Silent_connection_is_closed_after_the_idle_timeout()
    {
        Start(SeparatePorts(FreePorts.Next(), FreePorts.Next()) with { IdleTimeout = TimeSpan.FromMilliseconds(300) });
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await client.ReceiveUntilAsync(Ready));

        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Stop_accepting_closes_the_port_and_drain_closes_open_connections()
    {
        var handle = Start(SeparatePorts(FreePorts.Next(), FreePorts.Next()));
        var endpoint = Tcp(PortProtocols.Rwp);
        await using var client = await LineClient.ConnectAsync(endpoint);
        Assert.Equal(Ready, await client.ReceiveUntilAsync(Ready));

        await handle.StopAcceptingAsync(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAnyAsync<SocketException>(async () => await LineClient.ConnectAsync(endpoint));

        await handle.DrainAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("666 Server shutting down.\n", await client.ReceiveUntilAsync("\n"));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Msp1_over_tcp_is_routed_and_answered_with_nothing_but_the_close()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.Msp1("alice", "old style"));
        client.Socket.Shutdown(SocketShutdown.Send);

        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.Msp1Tcp, route.Message.Protocol);
        Assert.Empty(await client.ReceiveOnceAsync());
    }

    [Fact]
    public async Task Quote_agent_over_a_real_socket_hands_the_connection_to_the_agent_session()
    {
        Start(
            SeparatePorts(FreePorts.Next(), FreePorts.Next()),
            agent: connection => Props.Create(() => new Sessions.EchoAgent(connection.Peer)));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await client.ReceiveUntilAsync(Ready));

        await client.SendAsync("QUOTE AGENT alice tty1\n");
        Assert.Equal("112 Agent from 127.0.0.1: QUOTE AGENT alice tty1\n", await client.ReceiveUntilAsync("\n"));
        await client.SendAsync("QUOTE PING\n");
        Assert.Equal("112 Agent from 127.0.0.1: QUOTE PING\n", await client.ReceiveUntilAsync("\n"));
        await client.SendAsync("QUIT\n");
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Connection_that_fails_is_stopped_and_closed_not_restarted()
    {
        Start(
            SeparatePorts(FreePorts.Next(), FreePorts.Next()),
            agent: _ => throw new InvalidOperationException("agent factory broke"));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await client.ReceiveUntilAsync(Ready));

        await client.SendAsync("QUOTE AGENT alice\n");

        Assert.True(await client.IsClosedByServerAsync());
        await AwaitConditionAsync(() => FrontEnds.Limit.Open == 0);
        await using var next = await LineClient.ConnectAsync(Tcp(PortProtocols.Rwp));
        Assert.Equal(Ready, await next.ReceiveUntilAsync(Ready));
    }
}
