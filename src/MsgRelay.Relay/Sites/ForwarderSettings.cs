using System.Globalization;
using MsgRelay.Hocon;

namespace MsgRelay.Relay.Sites;

/// <summary>The <c>msgrelay.routing.forwarder</c> section: timeouts, pool size and circuit breaker of the RWP client.</summary>
public sealed record ForwarderSettings
{
    /// <summary>The HOCON path this record is read from.</summary>
    public const string Path = "msgrelay.routing.forwarder";

    /// <summary>How long opening a connection to a next hop (up to its <c>100 Ready.</c>) may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one next hop may take for one message, from connecting to the answer to SEND.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>How long all next hops together may take before the sender is told 677.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Most open connections per next hop; more concurrent messages wait for one.</summary>
    public int PoolSize { get; init; } = 4;

    /// <summary>Share of failed attempts in the sampling window that opens a next hop's circuit.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Fewest attempts in the window before the ratio counts.</summary>
    public int MinimumThroughput { get; init; } = 4;

    /// <summary>The window over which failures are counted.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit skips its next hop before one trial message is let through.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Reads the section from a resolved config with the reference defaults as fallback.</summary>
    /// <exception cref="HoconException">A value out of range; the message names the full key path.</exception>
    public static ForwarderSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = new ForwarderSettings
        {
            ConnectTimeout = Positive(config, "connect-timeout"),
            AttemptTimeout = Positive(config, "attempt-timeout"),
            TotalTimeout = Positive(config, "total-timeout"),
            PoolSize = config.GetInt(Path + ".pool-size"),
            FailureRatio = config.GetDouble(Path + ".circuit-breaker.failure-ratio"),
            MinimumThroughput = config.GetInt(Path + ".circuit-breaker.minimum-throughput"),
            SamplingDuration = config.GetTimeSpan(Path + ".circuit-breaker.sampling-duration"),
            BreakDuration = config.GetTimeSpan(Path + ".circuit-breaker.break-duration"),
        };
        if (settings.PoolSize is < 1 or > 1000)
        {
            throw Bad("pool-size", "must be between 1 and 1000", settings.PoolSize);
        }

        // The ranges below are the circuit breaker's own (Polly refuses anything outside them).
        if (settings.FailureRatio is <= 0 or > 1 || double.IsNaN(settings.FailureRatio))
        {
            throw Bad("circuit-breaker.failure-ratio", "must be above 0 and at most 1", settings.FailureRatio);
        }

        if (settings.MinimumThroughput < 2)
        {
            throw Bad("circuit-breaker.minimum-throughput", "must be at least 2", settings.MinimumThroughput);
        }

        if (settings.SamplingDuration < TimeSpan.FromMilliseconds(500))
        {
            throw Bad("circuit-breaker.sampling-duration", "must be at least 500ms", settings.SamplingDuration);
        }

        if (settings.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            throw Bad("circuit-breaker.break-duration", "must be at least 500ms", settings.BreakDuration);
        }

        return settings;
    }

    private static TimeSpan Positive(Config config, string key)
    {
        var value = config.GetTimeSpan(Path + "." + key);
        return value > TimeSpan.Zero ? value : throw Bad(key, "must be positive", value);
    }

    private static HoconException Bad(string key, string rule, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Path}.{key}: {rule}, was {value}"));
}
