using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class SiteClassifierTests
{
    private readonly SiteClassifier _classifier = new(SiteConfigs.Table(SiteConfigs.SiteA));

    [Fact]
    public void Recipient_of_this_site_is_local() =>
        Assert.Same(RouteDecision.Local, _classifier.Classify(new Recipient("bob", "a.example"), 0, false));

    [Fact]
    public void Recipient_of_a_routed_site_is_forwarded_over_the_routes_next_hops()
    {
        var decision = Assert.IsType<RouteDecision.Forward>(_classifier.Classify(new Recipient("bob", "b.example"), 0, false));

        Assert.Equal(new Recipient("bob", "b.example"), decision.Target);
        Assert.Equal(2, decision.Via.Count);
    }

    [Fact]
    public void Local_user_with_a_forward_goes_to_the_forward_address()
    {
        var decision = Assert.IsType<RouteDecision.Forward>(_classifier.Classify(new Recipient("carol"), 0, false));

        Assert.Equal("b.example", decision.Target.Host);
    }

    [Fact]
    public void Recipient_without_a_route_is_answered_unable_to_forward()
    {
        var classifier = new SiteClassifier(SiteConfigs.Table("""msgrelay.site.domains = ["a.example"]"""));

        var rejected = Assert.IsType<RouteDecision.Rejected>(classifier.Classify(new Recipient("bob", "b.example"), 0, false));

        Assert.Equal(DeliveryStatus.ForwardFailed, rejected.Outcome.Status);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    public void Remote_recipient_past_the_hop_rules_is_answered_unable_to_forward(int hops, bool localOnly)
    {
        var rejected = Assert.IsType<RouteDecision.Rejected>(_classifier.Classify(new Recipient("bob", "b.example"), hops, localOnly));

        Assert.Equal(DeliveryStatus.ForwardFailed, rejected.Outcome.Status);
    }

    [Fact]
    public void Local_only_message_for_a_local_user_is_still_delivered() =>
        Assert.Same(RouteDecision.Local, _classifier.Classify(new Recipient("bob", "a.example"), 9, true));

    [Fact]
    public void Reload_swaps_the_routes_for_the_next_message()
    {
        _classifier.Reload(SiteConfigs.Parse("""msgrelay { node.name = a1, site.domains = ["a.example"] }"""), "a1");

        Assert.IsType<RouteDecision.Rejected>(_classifier.Classify(new Recipient("bob", "b.example"), 0, false));
    }
}
