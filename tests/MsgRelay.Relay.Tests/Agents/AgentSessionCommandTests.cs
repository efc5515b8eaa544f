using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

public sealed class AgentSessionCommandTests : RelayTestKit
{
    [Theory]
    [InlineData("QUOTE ACK 1", "678 ")]
    [InlineData("QUOTE MESG n", "678 ")]
    [InlineData("QUOTE AWAY lunch", "678 ")]
    [InlineData("QUOTE DENY bob", "678 ")]
    [InlineData("QUOTE CHARSET latin1", "679 ")]
    [InlineData("QUOTE PING", "112 ")]
    [InlineData("FROM alice", "698 ")]
    [InlineData("SEND", "698 ")]
    [InlineData("TO", "668 ")]
    [InlineData("QUOTE AGENT", "668 ")]
    [InlineData("QUOTE AGENT a b c", "668 ")]
    [InlineData("QUOTE AGENT bob *", "668 ")]
    [InlineData("QUOTE AGENT bob@host", "668 ")]
    public async Task Line_before_agent_is_answered_and_the_session_stays_unregistered(string line, string expectedPrefix)
    {
        var agent = Connect();

        Assert.StartsWith(expectedPrefix, await agent.CommandAsync(line));
        Assert.Equal("112 Agent bob on agent/1 registered.", await agent.CommandAsync("QUOTE AGENT bob"));
    }

    [Theory]
    [InlineData("QUOTE MESG maybe", "668 ")]
    [InlineData("QUOTE AGENT bob", "678 Agent already registered.")]
    [InlineData("QUOTE KEY abc", "678 Agent already registered.")]
    [InlineData("QUOTE ACK 99", "678 No such delivery.")]
    [InlineData("QUOTE ALLOW @x", "668 ")]
    [InlineData("QUOTE NONSENSE", "679 ")]
    [InlineData("DATA", "698 ")]
    [InlineData("QUOTE MESG Y", "112 Ok.")]
    public async Task Registered_session_answers_commands(string line, string expectedPrefix)
    {
        var agent = await LoginAsync("bob");

        Assert.StartsWith(expectedPrefix, await agent.CommandAsync(line));
    }

    [Fact]
    public async Task Requested_tty_is_used()
    {
        var agent = Connect();

        Assert.Equal("112 Agent bob on pts/3 registered.", await agent.CommandAsync("QUOTE AGENT bob pts/3"));
    }

    [Fact]
    public async Task Lines_sent_during_registration_are_answered_after_it_in_order()
    {
        var agent = Connect();
        agent.Send("QUOTE AGENT bob");
        agent.Send("QUOTE MESG n");

        Assert.Equal("112 Agent bob on agent/1 registered.\n100 Ready.\n112 Ok.\n100 Ready.\n", await agent.ReadLinesAsync(4));
    }

    [Fact]
    public async Task Sessions_are_listed_with_user_tty_node_and_idle_time()
    {
        await LoginAsync("bob", "pts/1");
        await LoginAsync("alice");
        Scheduler.Advance(TimeSpan.FromSeconds(42));

        var list = await Relay.Router.Ask<SessionList>(new ListSessions(), TimeSpan.FromSeconds(3));

        Assert.Collection(
            list.Sessions,
            s => Assert.Equal(("alice", "agent/1", "node1", TimeSpan.FromSeconds(42)), (s.User, s.Tty, s.Node, s.Idle)),
            s => Assert.Equal(("bob", "pts/1", "node1", TimeSpan.FromSeconds(42)), (s.User, s.Tty, s.Node, s.Idle)));
    }

    [Fact]
    public async Task Agent_line_resets_the_idle_time_shown_by_who()
    {
        var bob = await LoginAsync("bob");
        Scheduler.Advance(TimeSpan.FromSeconds(30));
        await bob.CommandAsync("QUOTE PING");
        Scheduler.Advance(TimeSpan.FromSeconds(5));

        await AwaitAssertAsync(async () =>
        {
            var list = await Relay.Registry.Ask<SessionList>(new ListSessions(), TimeSpan.FromSeconds(3));
            Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(list.Sessions).Idle);
        });
    }

    [Fact]
    public async Task Who_shows_mesg_state()
    {
        var bob = await LoginAsync("bob");
        await bob.CommandAsync("QUOTE MESG n");

        await AwaitAssertAsync(async () =>
        {
            var list = await Relay.Registry.Ask<SessionList>(new ListSessions(), TimeSpan.FromSeconds(3));
            Assert.False(Assert.Single(list.Sessions).MesgEnabled);
        });
    }

    [Fact]
    public async Task Sender_names_with_control_codes_arrive_visible_not_raw()
    {
        var bob = await LoginAsync("bob");
        var message = new RelayMessage(new Recipient("bob"), new Sender("ev\u001bil", "h\u0007st", "t\u0008y"), "x", IngressProtocol.Msp2Tcp);

        Relay.Router.Tell(new Route(message), TestActor);

        var delivery = await bob.ExpectDeliveryAsync();
        Assert.Equal("ev^[il", delivery.FromUser);
        Assert.Equal("h^Gst", delivery.FromHost);
        Assert.Equal("t^Hy", delivery.FromTty);
    }

    [Fact]
    public async Task Body_with_a_lone_dot_line_and_equals_signs_round_trips()
    {
        var bob = await LoginAsync("bob");

        Relay.Router.Tell(new Route(Message("bob", "a=b\n.\nend")), TestActor);

        Assert.Equal("a=b\r\n.\r\nend", (await bob.ExpectDeliveryAsync()).Body);
    }
}
