using MsgRelay.Hocon;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MsgRelay.Actors;

/// <summary>Settings of one actor system; a plain immutable record (HOCON binding comes later).</summary>
public sealed record ActorSystemSettings
{
    /// <summary>All defaults.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary>Where the runtime and the actors' GetLogger() log to (Serilog's factory in the node).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Scheduler for timers, receive timeouts and ScheduleTell*; tests inject the TestKit's TestScheduler.</summary>
    public IScheduler Scheduler { get; init; } = new DefaultScheduler();

    /// <summary>
    /// Messages an actor processes per turn before yielding its thread: large enough to amortise
    /// scheduling, small enough to stay fair among busy actors (benchmarked; see perf notes).
    /// </summary>
    public int Throughput { get; init; } = 30;

    /// <summary>How many dead letters are logged before logging stops (they are always published).</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary>Timeout of each coordinated-shutdown phase without an override.</summary>
    public TimeSpan CoordinatedShutdownDefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Per-phase timeout overrides, by phase name (e.g. "cluster-sharding-shutdown-region").</summary>
    public IReadOnlyDictionary<string, TimeSpan> CoordinatedShutdownPhaseTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>
    /// Settings from the <c>msgrelay.actors</c> section, with this module's embedded reference.conf as
    /// the fallback for every key; a bad value throws a HoconException naming the key and its origin.
    /// </summary>
    public static ActorSystemSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ConfigFactory.FromEmbeddedReferences(typeof(ActorSystemSettings).Assembly)).Resolve();
        var actors = merged.GetConfig("msgrelay.actors");
        var phases = actors.GetConfig("coordinated-shutdown.phase-timeouts");
        return new ActorSystemSettings
        {
            Throughput = Positive(actors, "throughput"),
            LogDeadLetters = actors.GetInt("log-dead-letters"),
            CoordinatedShutdownDefaultPhaseTimeout = actors.GetTimeSpan("coordinated-shutdown.default-phase-timeout"),
            CoordinatedShutdownPhaseTimeouts = phases.GetChildKeys().ToDictionary(phase => phase, phase => phases.GetTimeSpan(phase), StringComparer.Ordinal),
        };
    }

    private static int Positive(Config section, string key)
    {
        var value = section.GetInt(key);
        return value > 0
            ? value
            : throw new HoconException(section.GetOrigin(key) ?? HoconOrigin.None("msgrelay.actors"), $"msgrelay.actors.{key}: must be at least 1, got {value}");
    }
}
