using MsgRelay.Hocon;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class MaxHopsWiringTests
{
    [Theory]
    [InlineData("", 8)]
    [InlineData("msgrelay.routing.max-hops = 3", 3)]
    public void Rwp_sessions_and_the_site_use_the_same_routing_max_hops(string hocon, int expected)
    {
        var config = ConfigFactory.ParseString(hocon).WithFallback(RelaySettings.Reference).Resolve();

        Assert.Equal(expected, ListenerSettings.FromConfig(config).ToRwpSessionSettings().MaxHops);
        Assert.Equal(expected, RelaySettings.FromConfig(config).Sites.MaxHops);
    }
}
