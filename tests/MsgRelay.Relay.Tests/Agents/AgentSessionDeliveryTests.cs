using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

public sealed class AgentSessionDeliveryTests : RelayTestKit
{
    [Fact]
    public async Task Agent_registers_with_default_tty_agent_1()
    {
        var agent = Connect();

        Assert.Equal("112 Agent bob on agent/1 registered.", await agent.CommandAsync("QUOTE AGENT bob"));
    }

    [Fact]
    public async Task Second_session_of_a_user_gets_the_next_free_tty()
    {
        await LoginAsync("bob");
        var second = Connect();

        Assert.Equal("112 Agent bob on agent/2 registered.", await second.CommandAsync("QUOTE AGENT bob"));
    }

    [Fact]
    public async Task Lines_after_quote_agent_in_one_read_are_answered_after_the_registration()
    {
        var agent = Connect();

        agent.Session.Tell(new AgentLines(["QUOTE AGENT bob", "QUOTE PING", null]));

        Assert.Equal(
            "112 Agent bob on agent/1 registered.\n100 Ready.\n112 Ok.\n100 Ready.\n668 Syntax error.\n100 Ready.\n",
            await agent.ReadLinesAsync(6));
    }

    [Fact]
    public async Task Acknowledgements_that_came_in_one_read_are_answered_in_one_write()
    {
        var bob = await LoginAsync("bob");
        var first = Route(Message("bob", "one"));
        var firstId = (await bob.ExpectDeliveryAsync()).Id;
        var second = Route(Message("bob", "two"));
        var secondId = (await bob.ExpectDeliveryAsync()).Id;

        bob.Session.Tell(new AgentLines([$"QUOTE ACK {firstId}", $"QUOTE ACK {secondId}"]));

        Assert.Equal("112 Ok.\n100 Ready.\n112 Ok.\n100 Ready.\n", await bob.NextWriteAsync());
        Assert.Equal(DeliveryStatus.Delivered, (await first.ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(DeliveryStatus.Delivered, (await second.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Message_is_pushed_as_511_block_and_counts_once_acknowledged()
    {
        var bob = await LoginAsync("bob", "pts/7");
        var sender = Route(Message("bob", "Hi\nHow about lunch?"));

        var delivery = await bob.ExpectDeliveryAsync();
        Assert.Equal("alice", delivery.FromUser);
        Assert.Equal("192.0.2.1", delivery.FromHost);
        Assert.Equal("pts/1", delivery.FromTty);
        Assert.Equal("Hi\r\nHow about lunch?", delivery.Body);
        await sender.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));

        Assert.Equal("112 Ok.", await bob.CommandAsync($"QUOTE ACK {delivery.Id}"));
        var outcome = await sender.ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.Delivered, outcome.Status);
    }

    [Fact]
    public async Task Unacknowledged_delivery_is_not_delivered_after_ack_timeout()
    {
        var bob = await LoginAsync("bob");
        var sender = Route(Message("bob"));
        var delivery = await bob.ExpectDeliveryAsync();

        Scheduler.Advance(AckTimeout - TimeSpan.FromMilliseconds(1));
        await sender.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromMilliseconds(1));

        var outcome = await sender.ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
        Assert.StartsWith("not delivered", outcome.Reason);
        Assert.Equal("678 No such delivery.", await bob.CommandAsync($"QUOTE ACK {delivery.Id}"));
    }

    [Fact]
    public async Task Closing_the_connection_logs_the_user_out()
    {
        var bob = await LoginAsync("bob");
        await AwaitSessionsAsync(1);

        Sys.Stop(bob.Session);
        await AwaitSessionsAsync(0);

        var outcome = await Route(Message("bob")).ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
    }

    [Fact]
    public async Task Quit_answers_101_and_closes_the_connection()
    {
        var bob = await LoginAsync("bob");

        bob.Send("QUIT");

        Assert.Equal("101 Goodbye.\n", await bob.NextWriteAsync());
        await bob.Connection.ExpectMsgAsync<MsgRelay.Relay.Sessions.ConnectionClose>();
    }
}
