using System.Net;
using System.Net.Sockets;
using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class DatagramActorTests : TestKit, IDisposable
{
    private static readonly ListenerSettings Settings = new() { LocalHost = "relay.test", RouteTimeout = TimeSpan.FromSeconds(30) };
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly TestProbe _router;

    public DatagramActorTests()
    {
        _router = CreateTestProbe("router");
    }

    public void Dispose() => _socket.Dispose();

    private IActorRef Receive(byte[] data, DatagramGate? gate = null, PortProtocols protocols = PortProtocols.Both, string from = "10.1.2.3", ListenerSettings? settings = null)
    {
        var actorSettings = settings ?? Settings;
        var datagram = new DatagramReceived(data, new IPEndPoint(IPAddress.Parse(from), 5000), _socket);
        var shared = gate ?? new DatagramGate(Settings);
        var router = _router.Ref;
        var replier = new ProbeReplier(TestActor);
        var actor = Sys.ActorOf(Props.Create(() => new DatagramActor(datagram, protocols, router, actorSettings, shared, replier)));
        Watch(actor);
        return actor;
    }

    [Fact]
    public async Task Msp1_is_routed_then_echoed_byte_for_byte_and_the_actor_stops()
    {
        var data = Wire.Msp1("alice", "hello");
        var actor = Receive(data);

        var route = await _router.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.Msp1Udp, route.Message.Protocol);
        Assert.Equal("10.1.2.3", route.Message.From.Host);
        _router.Reply(DeliveryOutcome.NotLoggedIn("alice"));

        Assert.Equal(data, (await ExpectMsgAsync<DatagramReply>()).Data);
        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public async Task Msp2_delivered_to_a_named_recipient_is_acknowledged_plus()
    {
        var actor = Receive(Wire.RfcExample);
        var route = await _router.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.Msp2Udp, route.Message.Protocol);
        _router.Reply(DeliveryOutcome.Delivered());

        Assert.Equal("+\0", (await ExpectMsgAsync<DatagramReply>()).Text);
        await ExpectTerminatedAsync(actor);
    }

    [Theory]
    [InlineData(DeliveryStatus.NotLoggedIn)]
    [InlineData(DeliveryStatus.Refused)]
    [InlineData(DeliveryStatus.ForwardFailed)]
    public async Task Msp2_that_was_not_delivered_gets_no_reply(DeliveryStatus status)
    {
        var actor = Receive(Wire.Msp2("alice", "hi"));
        await _router.ExpectMsgAsync<Route>();
        _router.Reply(new DeliveryOutcome(status, "no", []));

        await ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Msp2_broadcast_gets_no_reply_even_when_delivered()
    {
        var actor = Receive(Wire.Msp2(string.Empty, "wall", recipientTerm: "*"));
        var route = await _router.ExpectMsgAsync<Route>();
        Assert.True(route.Message.To.IsBroadcast);
        _router.Reply(DeliveryOutcome.Delivered());

        await ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Duplicate_msp2_is_acknowledged_as_the_first_copy_but_not_routed_again()
    {
        var gate = new DatagramGate(Settings);
        var first = Receive(Wire.Msp2("alice", "hi", sender: "Sandy", cookie: "abc"), gate);
        await _router.ExpectMsgAsync<Route>();
        _router.Reply(DeliveryOutcome.Delivered());
        Assert.Equal("+\0", (await ExpectMsgAsync<DatagramReply>()).Text);
        await ExpectTerminatedAsync(first);

        await EventFilter.Info("Duplicate").ExpectOneAsync(async () =>
        {
            var again = Receive(Wire.Msp2("alice", "hi", sender: "SANDY", cookie: "ABC"), gate);
            Assert.Equal("+\0", (await ExpectMsgAsync<DatagramReply>()).Text);
            await ExpectTerminatedAsync(again);
        });
        await _router.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Rwp_datagram_routes_every_envelope_and_answers_nothing()
    {
        var actor = Receive(Wire.Latin1("TO alice\nFROM bob\nDATA\none\n.\nSEND\nTO carol\nSEND\nBYE\n"));

        var first = await _router.ExpectMsgAsync<Route>();
        _router.Reply(DeliveryOutcome.Delivered());
        var second = await _router.ExpectMsgAsync<Route>();
        _router.Reply(DeliveryOutcome.Delivered());
        Assert.Equal("alice", first.Message.To.User);
        Assert.Equal("carol", second.Message.To.User);
        Assert.Equal(IngressProtocol.RwpUdp, second.Message.Protocol);

        await ExpectTerminatedAsync(actor);
        await ExpectNoMsgAsync();
    }

    [Theory]
    [InlineData("B\0\0hi\0")]
    [InlineData("Balice\0\0bell\u0007\0sandy\0\0c1\0\0")]
    [InlineData("TO alice\nFROB\nSEND\n")]
    public async Task Malformed_datagram_is_dropped_logged_and_unanswered(string text)
    {
        IActorRef actor = ActorRefs.Nobody;
        await EventFilter.Info("malformed").ExpectOneAsync(() => actor = Receive(Wire.Latin1(text)));

        await ExpectTerminatedAsync(actor);
        await _router.ExpectNoMsgAsync();
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Rwp_datagram_on_an_msp_only_port_is_dropped()
    {
        var actor = Receive(Wire.Latin1("TO alice\nFROM bob\nDATA\nx\n.\nSEND\n"), protocols: PortProtocols.Msp);

        await ExpectTerminatedAsync(actor);
        await _router.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Replies_beyond_the_rate_limit_are_suppressed()
    {
        var gate = new DatagramGate(Settings with { UdpReplyBurst = 1, UdpRepliesPerSecond = 0.001 });
        var first = Receive(Wire.Msp1("alice", "one"), gate);
        await _router.ExpectMsgAsync<Route>();
        _router.Reply(DeliveryOutcome.Delivered());
        await ExpectMsgAsync<DatagramReply>();
        await ExpectTerminatedAsync(first);

        var second = Receive(Wire.Msp1("alice", "two"), gate);
        await _router.ExpectMsgAsync<Route>();
        _router.Reply(DeliveryOutcome.Delivered());

        await ExpectTerminatedAsync(second);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Msp1_is_still_echoed_when_the_relay_does_not_answer_in_time_and_msp2_is_not_acknowledged()
    {
        var data = Wire.Msp1("alice", "hello");
        var v1 = Receive(data);
        await _router.ExpectMsgAsync<Route>();
        v1.Tell(new DatagramDeadline(DateTimeOffset.UtcNow.AddSeconds(1)));
        await ExpectNoMsgAsync();

        // The listener's tick once the route timeout has passed.
        v1.Tell(new DatagramDeadline(DateTimeOffset.UtcNow + Settings.RouteTimeout));
        Assert.Equal(data, (await ExpectMsgAsync<DatagramReply>()).Data);
        await ExpectTerminatedAsync(v1);

        var v2 = Receive(Wire.Msp2("alice", "hi"));
        await _router.ExpectMsgAsync<Route>();
        v2.Tell(new DatagramDeadline(DateTimeOffset.UtcNow + Settings.RouteTimeout));
        await ExpectTerminatedAsync(v2);
        await ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Copy_arriving_while_the_first_is_still_routed_is_dropped_silently()
    {
        var gate = new DatagramGate(Settings);
        var first = Receive(Wire.Msp2("alice", "hi", cookie: "abc"), gate);
        await _router.ExpectMsgAsync<Route>();
        var firstRouter = _router.LastSender;

        var copy = Receive(Wire.Msp2("alice", "hi", cookie: "abc"), gate);
        await ExpectTerminatedAsync(copy);
        await _router.ExpectNoMsgAsync();

        firstRouter.Tell(DeliveryOutcome.Delivered());
        Assert.Equal("+\0", (await ExpectMsgAsync<DatagramReply>()).Text);
        await ExpectTerminatedAsync(first);
    }
}
