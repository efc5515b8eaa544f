using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

public sealed class ConnectionActorMspTests : ConnectionActorTestBase
{
    [Fact]
    public async Task Msp2_message_is_routed_with_the_peer_as_sender_host_and_answered_plus()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.RfcExample);

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal(new Recipient("chris"), route.Message.To);
        Assert.Equal(new Sender("sandy", "192.0.2.7", "console"), route.Message.From);
        Assert.Equal("Hi\nHow about lunch?", route.Message.Body);
        Assert.Equal(IngressProtocol.Msp2Tcp, route.Message.Protocol);
        Assert.Equal("910806121325", route.Message.Cookie);
        Router.Reply(DeliveryOutcome.Delivered());

        await ExpectWriteAsync("+\0");
    }

    [Fact]
    public async Task Pipelined_msp2_messages_are_answered_strictly_in_order()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.Concat(Wire.Msp2("alice", "one", cookie: "1"), Wire.Msp2("bob", "two", cookie: "2")));

        var first = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("alice", first.Message.To.User);

        // The second message is not routed before the first is answered.
        await Router.ExpectNoMsgAsync();
        ClientSends(Wire.Msp2("carol", "three", cookie: "3"));
        await Router.ExpectNoMsgAsync();
        Router.Reply(DeliveryOutcome.NotLoggedIn("alice"));
        await ExpectWriteAsync("-alice is not logged in\0");

        var second = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("bob", second.Message.To.User);
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("+\0");

        var third = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("carol", third.Message.To.User);
        Router.Reply(DeliveryOutcome.Forwarded("carol@b.example"));
        await ExpectWriteAsync("+\0");
    }

    [Theory]
    [InlineData("*", null, false, true)]
    [InlineData("[tty3]", "tty3", true, false)]
    [InlineData("tty3", "tty3", false, false)]
    [InlineData("", null, false, false)]
    public async Task Msp_recipient_terminal_maps_to_the_recipient(string term, string? tty, bool hint, bool all)
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.Msp2("alice@b.example", "hi", recipientTerm: term));

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal(new Recipient("alice", "b.example", tty, hint, all), route.Message.To);
    }

    [Fact]
    public async Task Msp2_with_a_control_character_is_refused_and_the_next_message_still_read()
    {
        await StartAsync(PortProtocols.Msp);
        await EventFilter.Info("Rejected MSP message").ExpectOneAsync(() =>
            ClientSends(Wire.Concat(Wire.Msp2("alice", "bell\u0007"), Wire.Msp2("bob", "fine"))));

        await ExpectWriteAsync("-Control character in message\0");
        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("bob", route.Message.To.User);
        Router.Reply(DeliveryOutcome.Delivered());
        await ExpectWriteAsync("+\0");
    }

    [Fact]
    public async Task Oversize_msp_input_is_answered_and_the_connection_closed()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends("B" + new string('x', 600));

        await ExpectWriteAsync("-Message too long\0");
        await ExpectMsgAsync<TransportClosed>();
        await Router.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Unknown_revision_is_answered_and_closed()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends("Chello\0");

        await ExpectWriteAsync("-Unknown protocol revision\0");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Msp1_is_routed_without_a_reply_and_later_bytes_are_ignored_until_eof()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.Concat(Wire.Msp1("alice", "hello"), Wire.Msp1("bob", "again")));

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.Msp1Tcp, route.Message.Protocol);
        Assert.Equal("alice", route.Message.To.User);
        Router.Reply(DeliveryOutcome.Delivered());
        await Router.ExpectNoMsgAsync();
        Connection.Tell(new ConnectionPeerClosed(null));

        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Msp2_failure_outcome_is_minus_with_its_reason()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.Msp2("alice", "hi"));
        await Router.ExpectMsgAsync<Route>();
        Router.Reply(DeliveryOutcome.Refused("alice"));

        await ExpectWriteAsync("-alice refuses messages\0");
    }

    [Fact]
    public async Task Client_that_vanishes_while_routing_still_gets_its_message_routed_and_the_reply_is_discarded()
    {
        await StartAsync(PortProtocols.Msp);
        Watch(Connection);
        ClientSends(Wire.Msp2("alice", "hi"));
        await Router.ExpectMsgAsync<Route>();
        Connection.Tell(new ConnectionPeerClosed("ConnectionReset"));

        Router.Reply(DeliveryOutcome.Delivered());

        await ExpectMsgAsync<TransportClosed>();
        await ExpectTerminatedAsync(Connection);
    }

    [Fact]
    public async Task A_fault_of_the_transport_is_logged_as_a_warning_and_the_connection_closes()
    {
        await StartAsync(PortProtocols.Msp);
        Watch(Connection);

        await EventFilter.Warning("fault of its transport").ExpectOneAsync(() =>
            Connection.Tell(new ConnectionPeerClosed("InvalidOperationException: broken", TransportFault: true)));

        await ExpectMsgAsync<TransportClosed>();
        await ExpectTerminatedAsync(Connection);
    }

    [Fact]
    public async Task Client_half_close_after_its_message_still_gets_the_answer_then_the_connection_closes()
    {
        await StartAsync(PortProtocols.Msp);
        ClientSends(Wire.Msp2("alice", "hi"));
        await Router.ExpectMsgAsync<Route>();
        Connection.Tell(new ConnectionPeerClosed(null));
        Router.Reply(DeliveryOutcome.Delivered());

        await ExpectWriteAsync("+\0");
        await ExpectMsgAsync<TransportClosed>();
    }

    [Fact]
    public async Task Message_split_over_several_reads_is_reassembled()
    {
        await StartAsync(PortProtocols.Msp);
        var bytes = Wire.RfcExample;
        ClientSends(bytes[..10]);
        ClientSends(bytes[10..30]);
        await Router.ExpectNoMsgAsync();
        ClientSends(bytes[30..]);

        var route = await Router.ExpectMsgAsync<Route>();
        Assert.Equal("chris", route.Message.To.User);
    }
}
