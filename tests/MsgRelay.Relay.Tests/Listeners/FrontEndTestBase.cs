using System.Net;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Listeners;

/// <summary>Real front ends on loopback in an in-process system, with a stub router that answers Delivered and reports every question to <see cref="Routed"/>.</summary>
public abstract class FrontEndTestBase : TestKit
{
    protected FrontEndTestBase()
    {
        Routed = CreateTestProbe("routed");
    }

    protected TestProbe Routed { get; }

    protected FrontEndHandle FrontEnds { get; private set; } = null!;

    protected static ListenerSettings SharedPortSettings(int port) => new()
    {
        Hosts = [IPAddress.Loopback],
        MspTcpPort = port,
        RwpTcpPort = port,
        MspUdpPort = port,
        RwpUdpPort = port,
        LocalHost = "relay.test",
        // Long enough that an MSP client's first bytes beat it even on a loaded test machine;
        // tests of silent RWP clients set the real 20 ms.
        SniffWindow = Dilated(TimeSpan.FromSeconds(1)),
    };

    protected FrontEndHandle Start(ListenerSettings settings, Func<object, DeliveryOutcome?>? answer = null, Func<AgentConnection, Props>? agent = null)
    {
        var router = Sys.ActorOf(StubRouter.Props(Routed.Ref, answer), "router");
        FrontEnds = MsgRelay.Relay.Listeners.FrontEnds.Start(Sys, settings, router, agent);
        return FrontEnds;
    }

    protected IPEndPoint Tcp(PortProtocols protocols) => FrontEnds.Find("tcp", protocols) ?? throw new InvalidOperationException("no tcp " + protocols);

    protected IPEndPoint Udp(PortProtocols protocols) => FrontEnds.Find("udp", protocols) ?? throw new InvalidOperationException("no udp " + protocols);

    public override async Task DisposeAsync()
    {
        if (FrontEnds is not null)
        {
            await FrontEnds.StopAcceptingAsync(TimeSpan.FromSeconds(2));
        }

        await base.DisposeAsync();
    }
}
