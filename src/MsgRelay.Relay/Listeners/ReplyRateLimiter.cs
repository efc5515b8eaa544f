namespace MsgRelay.Relay.Listeners;

/// <summary>
/// A token bucket per source address for UDP replies: an echo or acknowledgement to a spoofed
/// source is a reflection, so each address gets <see cref="RatePerSecond"/> replies a second with
/// bursts up to <see cref="Burst"/>. Pure and single-threaded (the caller serialises and supplies
/// the clock). Memory is bounded: at <see cref="Capacity"/> addresses, those whose bucket has
/// refilled (they would start full anyway) are forgotten, and if that frees nothing, all are.
/// </summary>
public sealed class ReplyRateLimiter
{
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>Creates a limiter.</summary>
    public ReplyRateLimiter(double ratePerSecond, int burst, int capacity = 65_536)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        RatePerSecond = ratePerSecond;
        Burst = burst;
        Capacity = capacity;
    }

    /// <summary>Sustained replies per second per address.</summary>
    public double RatePerSecond { get; }

    /// <summary>Bucket size.</summary>
    public int Burst { get; }

    /// <summary>Most addresses tracked at once.</summary>
    public int Capacity { get; }

    /// <summary>Addresses tracked now.</summary>
    public int Count => _buckets.Count;

    /// <summary>True (and one token spent) when a reply to <paramref name="address"/> may go out at <paramref name="now"/>.</summary>
    public bool TryAcquire(string address, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!_buckets.TryGetValue(address, out var bucket))
        {
            if (_buckets.Count >= Capacity)
            {
                Sweep(now);
            }

            bucket = new Bucket { Tokens = Burst, Updated = now };
            _buckets[address] = bucket;
        }

        var elapsed = (now - bucket.Updated).TotalSeconds;
        if (elapsed > 0)
        {
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + (elapsed * RatePerSecond));
            bucket.Updated = now;
        }

        if (bucket.Tokens < 1)
        {
            return false;
        }

        bucket.Tokens -= 1;
        return true;
    }

    private void Sweep(DateTimeOffset now)
    {
        var refill = TimeSpan.FromSeconds(Burst / RatePerSecond);
        foreach (var (address, bucket) in _buckets)
        {
            if (now - bucket.Updated >= refill)
            {
                _buckets.Remove(address);
            }
        }

        if (_buckets.Count >= Capacity)
        {
            // Every address is busy: forgetting them all briefly lets each burst again, which is still bounded.
            _buckets.Clear();
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public DateTimeOffset Updated { get; set; }
    }
}
