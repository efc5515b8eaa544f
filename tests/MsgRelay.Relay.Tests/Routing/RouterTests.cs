using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Agents;
using Xunit;

namespace MsgRelay.Relay.Tests.Routing;

public sealed class RouterTests : RelayTestKit
{
    private static RelayMessage Broadcast(string source) =>
        new(new Recipient(string.Empty, AllTerminals: true), new Sender("root", source, "console"), "System going down", IngressProtocol.Msp2Udp, SourceAddress: source);

    [Fact]
    public async Task Broadcast_from_an_allowed_network_reaches_every_session_of_the_node()
    {
        var bob = await LoginAsync("bob");
        var carol = await LoginAsync("carol");
        var sender = Route(Broadcast("127.0.0.1"));

        var toBob = await bob.ExpectDeliveryAsync();
        var toCarol = await carol.ExpectDeliveryAsync();
        Assert.Equal("System going down", toBob.Body);
        Assert.Equal("System going down", toCarol.Body);
        await bob.CommandAsync($"QUOTE ACK {toBob.Id}");

        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Broadcast_from_another_network_is_refused_and_reaches_nobody()
    {
        var bob = await LoginAsync("bob");

        var outcome = await Route(Broadcast("192.0.2.99")).ExpectMsgAsync<DeliveryOutcome>();

        Assert.Equal(DeliveryStatus.Refused, outcome.Status);
        await bob.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Broadcast_skips_sessions_with_mesg_n()
    {
        var bob = await LoginAsync("bob");
        await bob.CommandAsync("QUOTE MESG n");

        var outcome = await Route(Broadcast("127.0.0.1")).ExpectMsgAsync<DeliveryOutcome>();

        Assert.Equal(DeliveryStatus.NotLoggedIn, outcome.Status);
        await bob.Connection.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Broadcast_with_no_session_is_not_delivered()
    {
        Assert.Equal(DeliveryStatus.NotLoggedIn, (await Route(Broadcast("127.0.0.1")).ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Empty_recipient_with_a_terminal_goes_to_whoever_is_on_it()
    {
        var bob = await LoginAsync("bob", "console");
        var message = new RelayMessage(new Recipient(string.Empty, Tty: "console"), new Sender("alice", "h"), "hi", IngressProtocol.Msp2Tcp);
        var sender = Route(message);

        var delivery = await bob.ExpectDeliveryAsync();
        await bob.CommandAsync($"QUOTE ACK {delivery.Id}");

        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Recipient_host_is_treated_as_local_for_now()
    {
        var bob = await LoginAsync("bob");
        var message = new RelayMessage(new Recipient("bob", "elsewhere.example"), new Sender("alice", "h"), "hi", IngressProtocol.RwpTcp);
        var sender = Route(message);

        var delivery = await bob.ExpectDeliveryAsync();
        await bob.CommandAsync($"QUOTE ACK {delivery.Id}");

        Assert.Equal(DeliveryStatus.Delivered, (await sender.ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    private sealed class RejectAll : IRecipientClassifier
    {
        public RouteDecision Classify(Recipient to, int hops, bool localOnly) => RouteDecision.Reject(DeliveryOutcome.ForwardFailed("no route"));
    }

    [Fact]
    public async Task Classifier_decides_before_the_directory()
    {
        var relay = RelayCore.Start(Sys, Settings with { NodeName = "n2" }, new RejectAll());

        relay.Router.Tell(new Route(Message("bob")), TestActor);

        Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
    }
}
