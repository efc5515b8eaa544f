using MsgRelay.Relay.Agents;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

public sealed class KeyFailureLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Peer_is_blocked_after_the_limit_within_a_minute_and_free_after_it()
    {
        var limiter = new KeyFailureLimiter(2);
        limiter.RecordFailure("p", T0);
        Assert.False(limiter.IsBlocked("p", T0));
        limiter.RecordFailure("p", T0.AddSeconds(30));

        Assert.True(limiter.IsBlocked("p", T0.AddSeconds(59)));
        Assert.False(limiter.IsBlocked("other", T0.AddSeconds(59)));
        Assert.False(limiter.IsBlocked("p", T0.AddSeconds(60)));
    }
}
