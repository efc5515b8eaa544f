using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class HopRulesTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 4)]
    [InlineData(-1, 1)]
    public void Next_site_receives_the_count_plus_one(int hops, int expected) => Assert.Equal(expected, HopRules.NextCount(hops));

    [Theory]
    [InlineData(0, 8)]
    [InlineData(6, 8)]
    [InlineData(0, 2)]
    public void Message_below_the_limit_may_be_forwarded(int hops, int maxHops) => Assert.Null(HopRules.RefusalToForward(hops, localOnly: false, maxHops));

    [Theory]
    [InlineData(7, 8)]
    [InlineData(8, 8)]
    [InlineData(20, 8)]
    [InlineData(0, 1)]
    public void Message_whose_next_count_reaches_the_limit_is_refused_here(int hops, int maxHops) =>
        Assert.Equal("forward limit reached", HopRules.RefusalToForward(hops, localOnly: false, maxHops));

    [Fact]
    public void Local_only_message_after_676_is_never_forwarded() =>
        Assert.Equal("forward limit reached", HopRules.RefusalToForward(0, localOnly: true, 8));

    [Fact]
    public void Autoreply_is_never_forwarded() =>
        Assert.Equal("autoreplies are never forwarded", HopRules.RefusalToForward(-1, localOnly: true, 8));

    [Fact]
    public void Path_naming_this_site_is_a_loop()
    {
        var table = SiteConfigs.Table(SiteConfigs.SiteA);

        Assert.NotNull(HopRules.RefusalForLoop(["site-b", "site-a"], table));
        Assert.NotNull(HopRules.RefusalForLoop(["relay.a.example"], table));
        Assert.Null(HopRules.RefusalForLoop(["site-b", "site-c"], table));
        Assert.Null(HopRules.RefusalForLoop([], table));
    }

    [Fact]
    public void Next_path_appends_this_site_after_the_forwarders_so_far() =>
        Assert.Equal(["site-b", "site-a"], HopRules.NextPath(["site-b"], "site-a"));

    [Fact]
    public void Forwarding_loop_between_two_sites_ends_within_max_hops()
    {
        // Two sites that each route c.example to the other: follow the message as each applies the rules.
        var a = SiteConfigs.Table("""msgrelay { site { name = a, domains = ["a.example"] }, routing.routes = [{ domains = ["c.example"], via = ["rwp://b:18"] }] }""");
        var b = SiteConfigs.Table("""msgrelay { site { name = b, domains = ["b.example"] }, routing.routes = [{ domains = ["c.example"], via = ["rwp://a:18"] }] }""");
        IReadOnlyList<string> path = [];
        var hops = 0;
        var site = a;
        var forwards = 0;
        while (forwards <= 8 && HopRules.RefusalToForward(hops, false, 8) is null && HopRules.RefusalForLoop(path, site) is null)
        {
            path = HopRules.NextPath(path, site.Settings.Name);
            hops = HopRules.NextCount(hops);
            site = site == a ? b : a;
            forwards++;
        }

        Assert.Equal(2, forwards);
        Assert.Equal(["a", "b"], path);
    }
}
