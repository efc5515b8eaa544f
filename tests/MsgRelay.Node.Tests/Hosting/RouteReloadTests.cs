using Microsoft.Extensions.Logging.Abstractions;
using MsgRelay.Hocon;
using MsgRelay.Node.Hosting;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Node.Tests.Hosting;

public sealed class RouteReloadTests
{
    private const string Before = """msgrelay { node.name = a1, site.domains = ["a.example"] }""";
    private const string After = """msgrelay { node.name = a1, site.domains = ["a.example"], routing.routes = [{ domains = ["b.example"], via = ["rwp://b1:18"] }] }""";

    private static SiteClassifier Classifier() =>
        SiteClassifier.ForThisMachine(RelaySettings.FromConfig(ConfigFactory.ParseString(Before)).Sites, "a1");

    [Fact]
    public void Reload_applies_a_new_route_to_the_next_message()
    {
        var sites = Classifier();
        var bob = new Recipient("bob", "b.example");
        Assert.IsType<RouteDecision.Rejected>(sites.Classify(bob, 0, false));
        using var reload = new RouteReload(() => ConfigFactory.ParseString(After), sites, NullLogger.Instance);

        Assert.Null(reload.Reload());

        Assert.IsType<RouteDecision.Forward>(sites.Classify(bob, 0, false));
    }

    [Fact]
    public void Invalid_file_keeps_the_old_routes_and_says_why()
    {
        var sites = Classifier();
        var old = sites.Table;
        using var reload = new RouteReload(
            () => ConfigFactory.ParseString("""msgrelay.routing.routes = [{ domains = ["b.example"], via = ["http://b1"] }]"""),
            sites,
            NullLogger.Instance);

        var reason = reload.Reload();

        Assert.NotNull(reason);
        Assert.Contains("msgrelay.routing.routes[0].via[0]", reason, StringComparison.Ordinal);
        Assert.Same(old, sites.Table);
    }
}
