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
}
