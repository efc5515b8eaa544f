using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

/// <summary>A ConnectionActor over a <see cref="FakeTransport"/> whose writes reach the implicit probe, with a probe as router and a controllable scheduler.</summary>
public abstract class ConnectionActorTestBase : TestKit
{
    protected static readonly ListenerSettings Settings = new()
    {
        LocalHost = "relay.test",
        IdleTimeout = TimeSpan.FromSeconds(120),
        SniffWindow = TimeSpan.FromMilliseconds(20),
        RouteTimeout = TimeSpan.FromSeconds(30),
    };

    protected ConnectionActorTestBase() : base(new ActorSystemSettings { Scheduler = new TestScheduler() })
    {
        Router = CreateTestProbe("router");
    }

    protected TestProbe Router { get; }

    protected FakeTransport Transport { get; private set; } = null!;

    protected IActorRef Connection { get; private set; } = ActorRefs.Nobody;

    protected async Task StartAsync(PortProtocols protocols, ListenerSettings? settings = null, Func<AgentConnection, Props>? agentSessionProps = null)
    {
        Transport = new FakeTransport(TestActor);
        var transport = Transport;
        var router = Router.Ref;
        Connection = Sys.ActorOf(Props.Create(() => new ConnectionActor(transport, router, settings ?? Settings, protocols, agentSessionProps)));
        await AwaitConditionAsync(() => transport.Owner is not null);
    }

    protected void ClientSends(string text) => Connection.Tell(new ConnectionReceived(Wire.Latin1(text)));

    protected void ClientSends(byte[] data) => Connection.Tell(new ConnectionReceived(data));

    protected async Task<string> ExpectWriteAsync() => (await ExpectMsgAsync<TransportWrite>()).Text;

    protected async Task ExpectWriteAsync(string expected) => Assert.Equal(expected, await ExpectWriteAsync());
}
