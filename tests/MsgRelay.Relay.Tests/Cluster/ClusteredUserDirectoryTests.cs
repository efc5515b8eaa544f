using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Cluster;

/// <summary>The directory entity's cluster duties: rebuilding from the nodes' registries, and one delivery per datagram cluster-wide.</summary>
public sealed class ClusteredUserDirectoryTests : TestKit
{
    private static readonly RelaySettings Settings = new();

    private static RelayMessage Datagram(string cookie) =>
        new(new Recipient("kim"), new Sender("sandy", "192.0.2.1", "console"), "hi", IngressProtocol.Msp2Udp, Cookie: cookie, SourceAddress: "192.0.2.1");

    private SessionEntry EntryFor(IActorRef session) =>
        new(session, "node3", "agent/1", Sys.Scheduler.Now, Sys.Scheduler.Now, SessionPreferences.Default);

    [Fact]
    public async Task New_entity_asks_every_registry_and_delivers_to_a_session_only_a_registry_knew()
    {
        var registryA = CreateTestProbe();
        var registryB = CreateTestProbe();
        var session = CreateTestProbe();
        var asker = CreateTestProbe();
        var entity = Sys.ActorOf(UserDirectory.Props("kim", Settings, () => [registryA.Ref, registryB.Ref]));

        entity.Tell(new Route(new RelayMessage(new Recipient("kim"), new Sender("sandy", "h"), "hello", IngressProtocol.RwpTcp)), asker.Ref);
        Assert.Equal("kim", (await registryA.ExpectMsgAsync<GetSessionsOf>()).User);
        registryA.Reply(new SessionsOf([]));
        await registryB.ExpectMsgAsync<GetSessionsOf>();
        registryB.Reply(new SessionsOf([EntryFor(session.Ref)]));

        var deliver = await session.ExpectMsgAsync<Deliver>();
        Assert.Equal("hello", deliver.Message.Body);
        session.Reply(new Delivered(deliver.AttemptId));
        Assert.Equal(DeliveryStatus.Delivered, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Copy_of_a_delivered_Msp2_datagram_is_answered_as_the_first_and_not_delivered_again()
    {
        var session = CreateTestProbe();
        var entity = Sys.ActorOf(UserDirectory.Props("kim", Settings));
        entity.Tell(new RegisterSession("kim", EntryFor(session.Ref)), TestActor);
        await ExpectMsgAsync<SessionRegistered>();
        var first = CreateTestProbe();
        var copy = CreateTestProbe();

        entity.Tell(new Route(Datagram("cookie-1")), first.Ref);
        var deliver = await session.ExpectMsgAsync<Deliver>();
        session.Reply(new Delivered(deliver.AttemptId));
        Assert.Equal(DeliveryStatus.Delivered, (await first.ExpectMsgAsync<DeliveryOutcome>()).Status);

        entity.Tell(new Route(Datagram("cookie-1")), copy.Ref);
        Assert.Equal(DeliveryStatus.Delivered, (await copy.ExpectMsgAsync<DeliveryOutcome>()).Status);
        await session.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task Copy_arriving_while_the_first_is_delivered_gets_no_answer_and_no_delivery()
    {
        var session = CreateTestProbe();
        var entity = Sys.ActorOf(UserDirectory.Props("kim", Settings));
        entity.Tell(new RegisterSession("kim", EntryFor(session.Ref)), TestActor);
        await ExpectMsgAsync<SessionRegistered>();
        var copy = CreateTestProbe();

        entity.Tell(new Route(Datagram("cookie-2")), CreateTestProbe().Ref);
        await session.ExpectMsgAsync<Deliver>();
        entity.Tell(new Route(Datagram("cookie-2")), copy.Ref);

        await copy.ExpectNoMsgAsync();
        await session.ExpectNoMsgAsync();
    }
}
