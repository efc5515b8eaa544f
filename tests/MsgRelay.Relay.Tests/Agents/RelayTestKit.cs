using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

/// <summary>A TestKit with a controllable scheduler and a started <see cref="RelayCore"/>.</summary>
public abstract class RelayTestKit() : TestKit(new ActorSystemSettings { Scheduler = new TestScheduler() })
{
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(5);

    private RelayCore? _relay;

    internal RelayCore Relay => _relay ??= RelayCore.Start(Sys, Settings);

    /// <summary>Override to change the settings before the relay starts.</summary>
    protected virtual RelaySettings Settings => new() { NodeName = "node1", Delivery = new() { AckTimeout = AckTimeout, BroadcastFrom = [System.Net.IPNetwork.Parse("127.0.0.0/8")] } };

    internal AgentClient Connect(string peer = "192.0.2.10")
    {
        var connection = CreateTestProbe();
        var session = Sys.ActorOf(Relay.AgentSessionProps(AgentConnection.ViaActor(connection.Ref, peer)));
        return new AgentClient(connection, session);
    }

    internal async Task<AgentClient> LoginAsync(string user, string? tty = null)
    {
        var agent = Connect();
        await agent.LoginAsync(user, tty);
        return agent;
    }

    internal static RelayMessage Message(string to, string body = "hello", string from = "alice", string? tty = null, bool hint = false, bool all = false) =>
        new(new Recipient(to, null, tty, hint, all), new Sender(from, "192.0.2.1", "pts/1"), body, IngressProtocol.RwpTcp);

    /// <summary>Routes a message and returns the asker's probe (the outcome arrives there).</summary>
    internal TestProbe Route(RelayMessage message)
    {
        var sender = CreateTestProbe();
        Relay.Router.Tell(new Route(message), sender.Ref);
        return sender;
    }

    /// <summary>Waits until the node's registry lists <paramref name="count"/> sessions.</summary>
    internal async Task AwaitSessionsAsync(int count)
    {
        await AwaitAssertAsync(async () =>
        {
            var list = await Relay.Registry.Ask<Relay.Agents.SessionList>(new Relay.Agents.ListSessions(), TimeSpan.FromSeconds(3));
            Assert.Equal(count, list.Sessions.Count);
        });
    }
}
