using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class RoutingTableTests
{
    private readonly RoutingTable _table = SiteConfigs.Table(SiteConfigs.SiteA);

    [Theory]
    [InlineData(null)]
    [InlineData("a.example")]
    [InlineData("A.EXAMPLE")]
    [InlineData("relay.a.example")]
    [InlineData("a1")]
    [InlineData("site-a")]
    [InlineData("localhost")]
    [InlineData("10.0.0.5")]
    public void Host_of_a_site_domain_or_a_node_name_is_local(string? host) => Assert.True(_table.IsLocal(host));

    [Theory]
    [InlineData("b.example")]
    [InlineData("xa.example")]
    [InlineData("a.example.org")]
    public void Other_hosts_are_not_local(string host) => Assert.False(_table.IsLocal(host));

    [Fact]
    public void First_matching_route_wins_and_keeps_its_next_hops_in_order()
    {
        var route = _table.FindRoute("relay.b.example");

        Assert.NotNull(route);
        Assert.Equal([new NextHop("b1.example", 1018), new NextHop("b2.example", 18)], route.Via);
    }

    [Fact]
    public void Catch_all_route_takes_hosts_no_earlier_route_matches()
    {
        var route = _table.FindRoute("c.example");

        Assert.NotNull(route);
        Assert.Equal([new NextHop("::1", 2018)], route.Via);
    }

    [Fact]
    public void Host_without_a_route_has_none()
    {
        var table = SiteConfigs.Table("""msgrelay.site.domains = ["a.example"]""");

        Assert.Null(table.FindRoute("b.example"));
        Assert.False(table.IsLocal("b.example"));
    }

    [Fact]
    public void Node_without_domains_or_routes_treats_every_host_as_local()
    {
        var table = SiteConfigs.Table("msgrelay.node.name = solo");

        Assert.True(table.IsStandalone);
        Assert.True(table.IsLocal("anywhere.example"));
    }

    [Fact]
    public void Per_user_forward_replaces_a_local_recipient_and_keeps_the_terminal()
    {
        var resolved = _table.Resolve(new Recipient("Carol", "a.example", "pts/1", TtyIsHint: true));

        Assert.Equal(new Recipient("carol", "b.example", "pts/1", TtyIsHint: true), resolved);
    }

    [Fact]
    public void Per_user_forward_does_not_apply_to_the_same_name_at_another_site()
    {
        var to = new Recipient("carol", "c.example");

        Assert.Same(to, _table.Resolve(to));
    }

    [Theory]
    [InlineData("site-a", true)]
    [InlineData("SITE-A", true)]
    [InlineData("relay.a.example", true)]
    [InlineData("site-b", false)]
    public void FHST_entry_naming_this_site_by_name_or_domain_is_recognised(string name, bool expected) =>
        Assert.Equal(expected, _table.IsThisSite(name));
}
