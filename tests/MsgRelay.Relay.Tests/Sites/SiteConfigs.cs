using MsgRelay.Hocon;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Relay.Tests.Sites;

/// <summary>Site settings parsed from HOCON text, the way a node reads them.</summary>
internal static class SiteConfigs
{
    public const string SiteA = """
        msgrelay {
          node.name = a1
          site { name = site-a, domains = ["a.example", "*.a.example"] }
          routing {
            max-hops = 4
            routes = [
              { domains = ["b.example", "*.b.example"], via = ["rwp://b1.example:1018", "rwp://b2.example"] }
              { domains = ["*"], via = ["rwp://[::1]:2018"] }
            ]
            users { carol = "carol@b.example" }
          }
        }
        """;

    public static SiteSettings Parse(string hocon) => RelaySettings.FromConfig(ConfigFactory.ParseString(hocon)).Sites;

    public static RoutingTable Table(string hocon) => new(Parse(hocon), ["a1", "10.0.0.5"]);
}
