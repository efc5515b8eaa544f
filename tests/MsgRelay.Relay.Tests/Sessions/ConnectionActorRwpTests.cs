using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

public sealed class ConnectionActorRwpTests : ConnectionActorTestBase
{
    private async Task StartRwpAsync(ListenerSettings? settings = null, Func<AgentConnection, Props>? agent = null)
    {
        await StartAsync(PortProtocols.Rwp, settings, agent);
        await ExpectWriteAsync("100 Ready.\n");
    }

    private async Task PrepareMessageAsync()
    {
        ClientSends("TO alice\n");
        await ExpectWriteAsync("106 Recipient ok.\n100 Ready.\n");
        ClientSends("FROM bob\n");
        await ExpectWriteAsync("105 Sender ok.\n100 Ready.\n");
        ClientSends("DATA\nhello=3D\n.\n");
        await ExpectWriteAsync("200 Enter message.  Single dot '.' on line terminates.\n107 Message ok.\n100 Ready.\n");
    }

    [Fact]
    public async Task Rwp_port_greets_with_ready_only()
    {
        await StartAsync(PortProtocols.Rwp);

        await ExpectWriteAsync("100 Ready.\n");
    }

    [Fact]
    public async Task Verbose_greeting_sends_500_501_502_before_ready_in_one_write()
    {
        await StartAsync(PortProtocols.Rwp, Settings with { VerboseGreeting = true });

        var greeting = await ExpectWriteAsync();
        Assert.StartsWith("500 Hello 192.0.2.7. This is relay.test speaking.\n501 ", greeting, StringComparison.Ordinal);
        Assert.EndsWith("502 RWP version 1.0.\n100 Ready.\n", greeting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_routes_the_envelope_and_answers_103_with_ready_in_one_write()
    {
        await StartRwpAsync();
        await PrepareMessageAsync();
        ClientSends("SEND\n");

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal(new Recipient("alice"), route.Message.To);
        Assert.Equal(new Sender("bob", "192.0.2.7"), route.Message.From);
        Assert.Equal("hello=", route.Message.Body);
        Assert.Equal(IngressProtocol.RwpTcp, route.Message.Protocol);
        Router.Reply(DeliveryOutcome.Delivered());

        await ExpectWriteAsync("103 Message delivered.\n100 Ready.\n");
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered, "103")]
    [InlineData(DeliveryStatus.Forwarded, "104")]
    [InlineData(DeliveryStatus.NotLoggedIn, "670")]
    [InlineData(DeliveryStatus.Refused, "669")]
    [InlineData(DeliveryStatus.NoSuchUser, "671")]
    [InlineData(DeliveryStatus.ForwardFailed, "677")]
    [InlineData(DeliveryStatus.Malformed, "668")]
    public async Task Send_outcome_becomes_its_reply_code(DeliveryStatus status, string code)
    {
        await StartRwpAsync();
        await PrepareMessageAsync();
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();
        Router.Reply(new DeliveryOutcome(status, "why", [], "alice@b.example"));

        var reply = await ExpectWriteAsync();
        Assert.StartsWith(code + " ", reply, StringComparison.Ordinal);
        Assert.EndsWith("\n100 Ready.\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fhst_origin_is_the_sender_host_and_fwds_the_hop_count()
    {
        await StartRwpAsync();
        ClientSends("FHST origin.example fwd1.example\nFWDS 2\n");
        // Answers to lines that came together leave together.
        await ExpectWriteAsync("111 Original sender host ok.\n100 Ready.\n110 Forward count ok.\n100 Ready.\n");
        await PrepareMessageAsync();
        ClientSends("SEND\n");

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("origin.example", route.Message.From.Host);
        Assert.Equal(["fwd1.example"], route.Message.Forwarders);
        Assert.Equal(2, route.Message.Hops);
        Assert.False(route.Message.LocalOnly);
    }

    [Fact]
    public async Task Autoreply_lines_use_the_configured_code_and_precede_103_in_the_same_write()
    {
        await StartRwpAsync(Settings with { AutoreplyCode = 555 });
        await PrepareMessageAsync();
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();
        Router.Reply(DeliveryOutcome.Delivered(["Out to lunch\nback at 2"]));

        await ExpectWriteAsync("555 |Out to lunch\n555 |back at 2\n103 Message delivered.\n100 Ready.\n");
    }

    [Fact]
    public async Task Vrfy_asks_the_router_and_answers_110_with_the_address_when_forwarded()
    {
        await StartRwpAsync();
        ClientSends("TO alice@b.example\n");
        await ExpectWriteAsync("106 Recipient ok.\n100 Ready.\n");
        ClientSends("VRFY\n");

        var verify = await Router.ExpectMsgAsync<VerifyRecipient>();
        Assert.Equal(new Recipient("alice", "b.example"), verify.To);
        Router.Reply(DeliveryOutcome.Forwarded("alice@b.example"));

        await ExpectWriteAsync("110 Recipient ok to forward <alice@b.example>.\n100 Ready.\n");
    }

    [Fact]
    public async Task Vrfy_delivered_is_108_and_not_logged_in_670()
    {
        await StartRwpAsync();
        ClientSends("TO alice\nVRFY\n");
        await ExpectWriteAsync("106 Recipient ok.\n100 Ready.\n");
        await Router.ExpectMsgAsync<VerifyRecipient>();
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("108 Recipient ok to send.\n100 Ready.\n");

        ClientSends("VRFY\n");
        await Router.ExpectMsgAsync<VerifyRecipient>();
        Router.Reply(DeliveryOutcome.NotLoggedIn("alice"));
        await ExpectWriteAsync("670 User not logged in.\n100 Ready.\n");
    }

    [Fact]
    public async Task Syntax_error_is_668_and_the_session_stays_usable()
    {
        await StartRwpAsync();
        await EventFilter.Info("RWP error").ExpectOneAsync(() => ClientSends("FROBNICATE\n"));
        await ExpectWriteAsync("668 Syntax error.\n100 Ready.\n");

        ClientSends("RSET\n");
        await ExpectWriteAsync("109 RSET ok.\n100 Ready.\n");
    }

    [Fact]
    public async Task Over_long_line_is_668_and_the_next_line_is_read()
    {
        await StartRwpAsync(Settings with { MaxLineLength = 32 });
        await EventFilter.Info("Over-long RWP line").ExpectOneAsync(() => ClientSends("FROM " + new string('x', 100)));
        await ExpectWriteAsync("668 Syntax error.\n100 Ready.\n");
        ClientSends(new string('y', 50) + "\nFROM bob\n");

        await ExpectWriteAsync("105 Sender ok.\n100 Ready.\n");
    }

    [Fact]
    public async Task Oversize_body_is_698_at_the_dot()
    {
        await StartRwpAsync(Settings with { MaxMessageLines = 2 });
        ClientSends("DATA\na\nb\nc\n.\n");

        await ExpectWriteAsync("200 Enter message.  Single dot '.' on line terminates.\n698 Too many lines.\n100 Ready.\n");
    }

    [Fact]
    public async Task Quit_answers_101_and_closes()
    {
        await StartRwpAsync();
        ClientSends("QUIT\n");

        await ExpectWriteAsync("101 Goodbye.\n");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Unknown_quote_is_679()
    {
        await StartRwpAsync(agent: _ => Props.Create(() => new StubAgent(TestActor)));
        ClientSends("QUOTE CHARSET latin1\n");

        await ExpectWriteAsync("679 Unknown QUOTE command.\n100 Ready.\n");
    }

    [Fact]
    public async Task Quote_agent_without_an_agent_factory_is_679()
    {
        await StartRwpAsync();
        ClientSends("QUOTE AGENT alice\n");

        await ExpectWriteAsync("679 Unknown QUOTE command.\n100 Ready.\n");
    }

    [Fact]
    public async Task Quote_agent_hands_this_and_every_later_line_to_the_agent_session()
    {
        string? peer = null;
        await StartRwpAsync(agent: connection =>
        {
            peer = connection.Peer;
            return Props.Create(() => new StubAgent(TestActor));
        });
        ClientSends("QUOTE AGENT alice tty1\nQUOTE PING\nHELP\n");

        Assert.Equal(new AgentLine("QUOTE AGENT alice tty1"), await ExpectMsgAsync<AgentLine>());
        Assert.Equal(new AgentLine("QUOTE PING"), await ExpectMsgAsync<AgentLine>());
        Assert.Equal(new AgentLine("HELP"), await ExpectMsgAsync<AgentLine>());
        Assert.Equal("192.0.2.7", peer);
    }

    [Fact]
    public async Task Agent_session_writes_go_to_the_client_and_its_close_closes_the_connection()
    {
        await StartRwpAsync(agent: _ => Props.Create(() => new StubAgent(TestActor)));
        ClientSends("QUOTE KEY secret\n");
        await ExpectMsgAsync<AgentLine>();
        var agent = LastSender;

        agent.Tell(new ConnectionWrite(Wire.Latin1("112 Key accepted.\n100 Ready.\n")));
        await ExpectWriteAsync("112 Key accepted.\n100 Ready.\n");
        agent.Tell(new ConnectionClose("logged out"));

        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Socket_close_stops_the_agent_session()
    {
        await StartRwpAsync(agent: _ => Props.Create(() => new StubAgent(TestActor)));
        ClientSends("QUOTE AGENT alice\n");
        await ExpectMsgAsync<AgentLine>();
        var agent = LastSender;
        Watch(agent);

        Connection.Tell(new ConnectionPeerClosed(null));

        await ExpectMsgAsync<TransportClosed>();
        await ExpectMsgAsync<StubAgentStopped>();
        await ExpectTerminatedAsync(agent);
    }

    [Fact]
    public async Task Route_without_an_answer_in_time_is_698_and_the_connection_closes()
    {
        await StartRwpAsync();
        await PrepareMessageAsync();
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();
        Scheduler.Advance(TimeSpan.FromSeconds(29));
        await ExpectNoMsgAsync();

        await EventFilter.Warning("did not answer").ExpectOneAsync(() => Scheduler.Advance(TimeSpan.FromSeconds(1)));
        await ExpectWriteAsync("698 Relay busy, try again later.\n100 Ready.\n");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Route_deadline_counts_from_each_message_not_from_the_first()
    {
        await StartRwpAsync();
        await PrepareMessageAsync();
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();
        Scheduler.Advance(TimeSpan.FromSeconds(20));
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("103 Message delivered.\n100 Ready.\n");
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();

        Scheduler.Advance(TimeSpan.FromSeconds(15));
        await ExpectNoMsgAsync();
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("103 Message delivered.\n100 Ready.\n");
    }

    [Fact]
    public async Task Silent_connection_is_closed_after_the_idle_timeout()
    {
        await StartRwpAsync();
        Scheduler.Advance(TimeSpan.FromSeconds(119));
        await ExpectNoMsgAsync();

        await EventFilter.Info("silent").ExpectOneAsync(() => Scheduler.Advance(TimeSpan.FromSeconds(2)));
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Activity_postpones_the_idle_timeout()
    {
        await StartRwpAsync();
        Scheduler.Advance(TimeSpan.FromSeconds(100));
        ClientSends("RSET\n");
        await ExpectWriteAsync("109 RSET ok.\n100 Ready.\n");
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        await ExpectNoMsgAsync();

        Scheduler.Advance(TimeSpan.FromSeconds(100));
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Drain_tells_an_idle_rwp_client_666_and_closes()
    {
        await StartRwpAsync();
        Connection.Tell(ConnectionDrain.Instance);

        await ExpectWriteAsync("666 Server shutting down.\n");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Drain_waits_for_the_pending_route_then_answers_and_closes()
    {
        await StartRwpAsync();
        await PrepareMessageAsync();
        ClientSends("SEND\n");
        await Router.ExpectMsgAsync<Route>();
        Connection.Tell(ConnectionDrain.Instance);
        await ExpectNoMsgAsync();

        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("103 Message delivered.\n100 Ready.\n");
        await ExpectMsgAsync<TransportClosed>();
    }
}
