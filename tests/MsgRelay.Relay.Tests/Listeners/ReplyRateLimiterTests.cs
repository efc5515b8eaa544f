using MsgRelay.Relay.Listeners;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class ReplyRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_burst_is_allowed_then_replies_are_refused_until_tokens_refill()
    {
        var limiter = new ReplyRateLimiter(ratePerSecond: 10, burst: 3);

        Assert.True(limiter.TryAcquire("a", T0));
        Assert.True(limiter.TryAcquire("a", T0));
        Assert.True(limiter.TryAcquire("a", T0));
        Assert.False(limiter.TryAcquire("a", T0));
        Assert.False(limiter.TryAcquire("a", T0.AddMilliseconds(50)));
        Assert.True(limiter.TryAcquire("a", T0.AddMilliseconds(100)));
    }

    [Fact]
    public void Each_address_has_its_own_bucket()
    {
        var limiter = new ReplyRateLimiter(ratePerSecond: 1, burst: 1);

        Assert.True(limiter.TryAcquire("a", T0));
        Assert.False(limiter.TryAcquire("a", T0));
        Assert.True(limiter.TryAcquire("b", T0));
    }

    [Fact]
    public void Addresses_tracked_stay_within_the_capacity()
    {
        var limiter = new ReplyRateLimiter(ratePerSecond: 1, burst: 1, capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            limiter.TryAcquire("10.0." + (i / 256) + "." + (i % 256), T0);
        }

        Assert.True(limiter.Count <= 100);
    }

    [Fact]
    public void Sweeping_forgets_only_refilled_buckets()
    {
        var limiter = new ReplyRateLimiter(ratePerSecond: 1, burst: 1, capacity: 2);
        limiter.TryAcquire("old", T0);
        limiter.TryAcquire("busy", T0.AddSeconds(10));

        Assert.True(limiter.TryAcquire("new", T0.AddSeconds(10)));
        Assert.False(limiter.TryAcquire("busy", T0.AddSeconds(10)));
    }
}
