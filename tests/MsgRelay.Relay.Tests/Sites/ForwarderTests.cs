using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class ForwarderTests : TestKit
{
    private static readonly NextHop B1 = new("b1.example", 18);
    private static readonly NextHop B2 = new("b2.example", 18);
    private static readonly Recipient Bob = new("bob", "b.example", "pts/2", TtyIsHint: true);

    private readonly ScriptedHopClient _client = new();

    private IActorRef StartForwarder(ForwarderSettings? forwarder = null)
    {
        var settings = SiteConfigs.Parse("""msgrelay { node.name = a1, site { name = site-a, domains = ["a.example"] } }""");
        settings = settings with
        {
            Forwarder = forwarder ?? settings.Forwarder with { AttemptTimeout = Dilated(TimeSpan.FromSeconds(2)), TotalTimeout = Dilated(TimeSpan.FromSeconds(4)) },
        };
        return Sys.ActorOf(Forwarder.Props(new SiteClassifier(new RoutingTable(settings, ["a1"])), _client));
    }

    private static ForwardMessage Message(int hops = 0, IReadOnlyList<string>? path = null, params NextHop[] via) =>
        new(
            new RelayMessage(Bob, new Sender("alice", "192.0.2.7"), "hello\nthere", IngressProtocol.RwpTcp, hops, path),
            new RouteDecision.Forward(Bob, via.Length == 0 ? [B1] : via));

    [Fact]
    public async Task Message_delivered_by_the_far_side_is_answered_forwarded_with_the_address()
    {
        _client.Answer(B1, HopAnswer.Of(103));
        var forwarder = StartForwarder();

        forwarder.Tell(Message(hops: 2, path: ["site-z"]), TestActor);

        var outcome = await ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.Forwarded, outcome.Status);
        Assert.Equal("bob@b.example", outcome.ForwardedTo);
        var (hop, sent) = Assert.Single(_client.Sent);
        Assert.Equal(B1, hop);
        Assert.Equal("192.0.2.7", sent.Origin);
        Assert.Equal(["site-z", "site-a"], sent.Forwarders);
        Assert.Equal(3, sent.Hops);
        Assert.Equal("alice", sent.FromUser);
        Assert.Equal(Bob, sent.To);
        Assert.Equal("hello\nthere", sent.Body);
    }

    [Fact]
    public async Task Far_side_forwarding_onwards_is_also_answered_forwarded()
    {
        _client.Answer(B1, HopAnswer.Of(104));
        StartForwarder().Tell(Message(), TestActor);

        Assert.Equal(DeliveryStatus.Forwarded, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Autoreplies_of_the_far_side_travel_back_to_the_sender()
    {
        _client.Answer(B1, new HopAnswer(103, ["gone fishing", "back monday"]));
        StartForwarder().Tell(Message(), TestActor);

        var outcome = await ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(["gone fishing", "back monday"], outcome.Autoreplies);
    }

    [Theory]
    [InlineData(669, DeliveryStatus.Refused)]
    [InlineData(670, DeliveryStatus.NotLoggedIn)]
    [InlineData(671, DeliveryStatus.NoSuchUser)]
    [InlineData(676, DeliveryStatus.ForwardFailed)]
    [InlineData(677, DeliveryStatus.ForwardFailed)]
    [InlineData(668, DeliveryStatus.ForwardFailed)]
    [InlineData(698, DeliveryStatus.ForwardFailed)]
    public async Task Far_side_failure_code_maps_to_the_same_outcome_or_677(int code, DeliveryStatus expected)
    {
        _client.Answer(B1, HopAnswer.Of(code));
        StartForwarder().Tell(Message(), TestActor);

        Assert.Equal(expected, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Refusal_by_a_working_far_side_is_final_and_the_second_hop_is_not_tried()
    {
        _client.Answer(B1, HopAnswer.Of(670));
        _client.Answer(B2, HopAnswer.Of(103));
        StartForwarder().Tell(Message(via: [B1, B2]), TestActor);

        Assert.Equal(DeliveryStatus.NotLoggedIn, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(0, _client.CallsTo(B2));
    }

    [Fact]
    public async Task Unreachable_first_hop_is_retried_over_the_second()
    {
        _client.Fail(B1);
        _client.Answer(B2, HopAnswer.Of(103));
        StartForwarder().Tell(Message(via: [B1, B2]), TestActor);

        Assert.Equal(DeliveryStatus.Forwarded, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(1, _client.CallsTo(B1));
        Assert.Equal(1, _client.CallsTo(B2));
    }

    [Fact]
    public async Task Next_hop_that_never_answers_times_out_with_677_and_the_next_hop_takes_over()
    {
        _client.Hang(B1);
        _client.Answer(B2, HopAnswer.Of(103));
        var forwarder = StartForwarder();

        forwarder.Tell(Message(via: [B1]), TestActor);
        var alone = await ExpectMsgAsync<DeliveryOutcome>(Dilated(TimeSpan.FromSeconds(6)));
        forwarder.Tell(Message(via: [B1, B2]), TestActor);
        var withSecond = await ExpectMsgAsync<DeliveryOutcome>(Dilated(TimeSpan.FromSeconds(6)));

        Assert.Equal(DeliveryStatus.ForwardFailed, alone.Status);
        Assert.Equal(DeliveryStatus.Forwarded, withSecond.Status);
    }

    [Fact]
    public async Task All_hops_together_are_bounded_by_the_total_timeout()
    {
        _client.Hang(B1);
        _client.Hang(B2);
        var forwarder = StartForwarder(new ForwarderSettings
        {
            AttemptTimeout = Dilated(TimeSpan.FromSeconds(30)),
            TotalTimeout = Dilated(TimeSpan.FromMilliseconds(300)),
        });

        forwarder.Tell(Message(via: [B1, B2]), TestActor);

        Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>(Dilated(TimeSpan.FromSeconds(5)))).Status);
        Assert.Equal(0, _client.CallsTo(B2));
    }

    [Fact]
    public async Task Unexpected_client_error_still_answers_the_sender_677()
    {
        _client.Answer(B1, (_, _) => Task.FromException<HopAnswer>(new InvalidOperationException("bug")));
        StartForwarder().Tell(Message(), TestActor);

        Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
    }

    [Fact]
    public async Task Message_whose_path_already_names_this_site_is_refused_without_forwarding()
    {
        _client.Answer(B1, HopAnswer.Of(103));
        StartForwarder().Tell(Message(path: ["site-a", "site-b"]), TestActor);

        var outcome = await ExpectMsgAsync<DeliveryOutcome>();
        Assert.Equal(DeliveryStatus.ForwardFailed, outcome.Status);
        Assert.Empty(_client.Sent);
    }

    [Fact]
    public async Task Message_at_the_hop_limit_is_refused_without_forwarding()
    {
        _client.Answer(B1, HopAnswer.Of(103));
        StartForwarder().Tell(Message(hops: 7), TestActor);

        Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Empty(_client.Sent);
    }

    [Fact]
    public async Task Circuit_opens_after_failures_skips_the_hop_and_closes_once_it_answers_again()
    {
        var settings = new ForwarderSettings
        {
            AttemptTimeout = Dilated(TimeSpan.FromSeconds(2)),
            TotalTimeout = Dilated(TimeSpan.FromSeconds(4)),
            MinimumThroughput = 2,
            FailureRatio = 0.5,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromMilliseconds(500),
        };
        _client.Fail(B1);
        var forwarder = StartForwarder(settings);

        for (var i = 0; i < 2; i++)
        {
            forwarder.Tell(Message(), TestActor);
            Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        }

        // Open: the hop is not even asked.
        forwarder.Tell(Message(), TestActor);
        Assert.Equal(DeliveryStatus.ForwardFailed, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.Equal(2, _client.CallsTo(B1));

        // The hop recovers; after the break one trial goes through and closes the circuit.
        _client.Answer(B1, HopAnswer.Of(103));
        await AwaitAssertAsync(
            async () =>
            {
                forwarder.Tell(Message(), TestActor);
                Assert.Equal(DeliveryStatus.Forwarded, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
            },
            Dilated(TimeSpan.FromSeconds(5)),
            TimeSpan.FromMilliseconds(100));
        forwarder.Tell(Message(), TestActor);
        Assert.Equal(DeliveryStatus.Forwarded, (await ExpectMsgAsync<DeliveryOutcome>()).Status);
        Assert.True(_client.CallsTo(B1) >= 4);
    }
}
