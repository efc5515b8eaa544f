using System.Net;
using System.Net.Sockets;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;
using MsgRelay.Testing;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class UdpFrontEndTests : FrontEndTestBase, IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public void Dispose() => _client.Dispose();

    private async Task<string> ReceiveAsync() =>
        Wire.Text((await _client.ReceiveAsync().WaitAsync(Dilated(TimeSpan.FromSeconds(5)))).Buffer);

    /// <summary>True when nothing arrives for a short while (bounded wait; the absence of a reply is the behaviour under test).</summary>
    private async Task<bool> NothingArrivesAsync()
    {
        var receive = _client.ReceiveAsync();
        var quiet = Task.Delay(Dilated(TimeSpan.FromMilliseconds(300))); // allowed: waiting out a reply that must not come
        return await Task.WhenAny(receive, quiet) == quiet;
    }

    [Fact]
    public async Task Rfc_example_over_udp_is_acknowledged_plus()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await _client.SendAsync(Wire.RfcExample, Udp(PortProtocols.Both));

        Assert.Equal("+\0", await ReceiveAsync());
        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.Msp2Udp, route.Message.Protocol);
        Assert.Equal("127.0.0.1", route.Message.From.Host);
    }

    [Fact]
    public async Task Msp1_over_udp_is_echoed()
    {
        Start(SharedPortSettings(FreePorts.Next()), answer: _ => DeliveryOutcome.NotLoggedIn("alice"));
        var data = Wire.Msp1("alice", "hello");
        await _client.SendAsync(data, Udp(PortProtocols.Both));

        Assert.Equal(Wire.Text(data), await ReceiveAsync());
    }

    [Fact]
    public async Task Msp2_not_delivered_over_udp_gets_no_reply()
    {
        Start(SharedPortSettings(FreePorts.Next()), answer: _ => DeliveryOutcome.NotLoggedIn("alice"));
        await _client.SendAsync(Wire.Msp2("alice", "hi"), Udp(PortProtocols.Both));

        await Routed.ExpectMsgAsync<Route>();
        Assert.True(await NothingArrivesAsync());
    }

    [Fact]
    public async Task Duplicate_datagram_is_acknowledged_twice_but_routed_once()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        var server = Udp(PortProtocols.Both);
        await _client.SendAsync(Wire.RfcExample, server);
        Assert.Equal("+\0", await ReceiveAsync());
        await _client.SendAsync(Wire.RfcExample, server);
        Assert.Equal("+\0", await ReceiveAsync());

        await Routed.ExpectMsgAsync<Route>();
        await Routed.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Replies_to_one_address_are_rate_limited()
    {
        Start(SharedPortSettings(FreePorts.Next()) with { UdpReplyBurst = 2, UdpRepliesPerSecond = 0.01 });
        var server = Udp(PortProtocols.Both);
        for (var i = 0; i < 3; i++)
        {
            await _client.SendAsync(Wire.Msp1("alice", "n" + i), server);
        }

        await ReceiveAsync();
        await ReceiveAsync();
        for (var i = 0; i < 3; i++)
        {
            await Routed.ExpectMsgAsync<Route>();
        }

        Assert.True(await NothingArrivesAsync());
    }

    [Fact]
    public async Task Malformed_datagram_gets_no_reply_and_is_not_routed()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        var server = Udp(PortProtocols.Both);
        await EventFilter.Info("malformed").ExpectOneAsync(async () => await _client.SendAsync(Wire.Latin1("Balice\0\0bell\u0007\0sandy\0\0c1\0\0"), server));

        await _client.SendAsync(Wire.Msp2("bob", "fine", cookie: "2"), server);
        Assert.Equal("+\0", await ReceiveAsync());
        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal("bob", route.Message.To.User);
    }

    [Fact]
    public async Task Separate_udp_ports_serve_msp_and_rwp()
    {
        var msp = FreePorts.Next();
        var rwp = FreePorts.Next();
        Start(SharedPortSettings(msp) with { RwpTcpPort = rwp, RwpUdpPort = rwp });

        await _client.SendAsync(Wire.Latin1("TO alice\nFROM bob\nDATA\nx\n.\nSEND\n"), Udp(PortProtocols.Rwp));
        Assert.Equal(IngressProtocol.RwpUdp, (await Routed.ExpectMsgAsync<Route>()).Message.Protocol);
        await _client.SendAsync(Wire.RfcExample, Udp(PortProtocols.Msp));
        Assert.Equal("+\0", await ReceiveAsync());
    }

    [Fact]
    public async Task Msp1_is_echoed_once_the_route_timeout_passes_without_an_answer()
    {
        Start(SharedPortSettings(FreePorts.Next()) with { RouteTimeout = TimeSpan.FromMilliseconds(300) }, answer: _ => null);
        var data = Wire.Msp1("alice", "anyone there?");
        await _client.SendAsync(data, Udp(PortProtocols.Both));

        await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(Wire.Text(data), await ReceiveAsync());
    }
}
