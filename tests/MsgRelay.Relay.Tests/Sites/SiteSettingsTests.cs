using MsgRelay.Hocon;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class SiteSettingsTests
{
    [Fact]
    public void Defaults_are_a_standalone_site_named_after_the_node()
    {
        var settings = SiteConfigs.Parse("msgrelay.node.name = n1");

        Assert.Equal("n1", settings.Name);
        Assert.Empty(settings.Domains);
        Assert.Empty(settings.Routes);
        Assert.Equal(8, settings.MaxHops);
        Assert.Equal(4, settings.Forwarder.PoolSize);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.Forwarder.TotalTimeout);
    }

    [Fact]
    public void Routes_users_and_limit_are_read()
    {
        var settings = SiteConfigs.Parse(SiteConfigs.SiteA);

        Assert.Equal("site-a", settings.Name);
        Assert.Equal(4, settings.MaxHops);
        Assert.Equal(2, settings.Routes.Count);
        Assert.Equal("carol@b.example", settings.UserForwards["CAROL"]);
    }

    [Theory]
    [InlineData("""msgrelay.routing.routes = [{ domains = ["b"], via = ["http://b:18"] }]""", "msgrelay.routing.routes[0].via[0]")]
    [InlineData("""msgrelay.routing.routes = [{ domains = ["b"] }]""", "msgrelay.routing.routes[0]")]
    [InlineData("""msgrelay.routing.routes = [{ domains = ["b"], via = ["rwp://b"], vai = [] }]""", "msgrelay.routing.routes[0].vai")]
    [InlineData("""msgrelay.routing.users { bob = "nobody" }""", "msgrelay.routing.users.bob")]
    [InlineData("msgrelay.routing.max-hops = 0", "msgrelay.routing.max-hops")]
    [InlineData("msgrelay.routing.forwarder.pool-size = 0", "msgrelay.routing.forwarder.pool-size")]
    [InlineData("msgrelay.routing.forwarder.circuit-breaker.break-duration = 10ms", "msgrelay.routing.forwarder.circuit-breaker.break-duration")]
    [InlineData("""msgrelay.site.name = "two words" """, "msgrelay.site.name")]
    public void Bad_value_names_its_full_path(string hocon, string path)
    {
        var error = Assert.Throws<HoconException>(() => SiteConfigs.Parse(hocon));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
