namespace MsgRelay.Actors;

/// <summary>
/// Ordered, phased shutdown (Akka's CoordinatedShutdown): tasks registered per phase run
/// concurrently within their phase; phases run in order, each bounded by its timeout, after
/// which it is logged and the next phase starts anyway. The last phase terminates the system.
/// One instance per system; <see cref="Run"/> is idempotent.
/// </summary>
public sealed class CoordinatedShutdown
{
    /// <summary>Phase names in the order they run (Akka's).</summary>
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    /// <summary>Stop accepting new connections.</summary>
    public const string PhaseServiceUnbind = "service-unbind";
    /// <summary>Wait for in-flight requests.</summary>
    public const string PhaseServiceRequestsDone = "service-requests-done";
    /// <summary>Stop services.</summary>
    public const string PhaseServiceStop = "service-stop";
    /// <summary>Before the node leaves the cluster.</summary>
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";
    /// <summary>Hand off shards.</summary>
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";
    /// <summary>Leave the cluster.</summary>
    public const string PhaseClusterLeave = "cluster-leave";
    /// <summary>Exiting.</summary>
    public const string PhaseClusterExiting = "cluster-exiting";
    /// <summary>Exiting done.</summary>
    public const string PhaseClusterExitingDone = "cluster-exiting-done";
    /// <summary>Cluster extension shutdown.</summary>
    public const string PhaseClusterShutdown = "cluster-shutdown";
    /// <summary>Last chance before actors stop.</summary>
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    /// <summary>Stops all actors and terminates the system.</summary>
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private readonly ActorSystem _system;
    private readonly Dictionary<string, List<(string Name, Func<Task> Task)>> _tasks = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _phasesStarted = [];
    private Task? _run;

    private CoordinatedShutdown(ActorSystem system)
    {
        _system = system;
        system.CoordinatedShutdownIfCreated = this;
    }

    /// <summary>All phases, in the order they run.</summary>
    public static IReadOnlyList<string> OrderedPhases { get; } =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop,
        PhaseBeforeClusterShutdown, PhaseClusterShardingShutdownRegion, PhaseClusterLeave, PhaseClusterExiting,
        PhaseClusterExitingDone, PhaseClusterShutdown, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    /// <summary>Why shutdown runs; null until <see cref="Run"/> is called.</summary>
    public Reason? ShutdownReason { get; private set; }

    /// <summary>The system's instance, created on first use.</summary>
    public static CoordinatedShutdown Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(static s => new CoordinatedShutdown(s));
    }

    /// <summary>The timeout of a phase (settings override or the default).</summary>
    public TimeSpan Timeout(string phase) =>
        _system.Settings.CoordinatedShutdownPhaseTimeouts.TryGetValue(phase, out var timeout)
            ? timeout
            : _system.Settings.CoordinatedShutdownDefaultPhaseTimeout;

    /// <summary>Registers a task to run in <paramref name="phase"/>. Tasks added after their phase ran are ignored (logged).</summary>
    public void AddTask(string phase, string taskName, Func<Task> task)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        ArgumentNullException.ThrowIfNull(task);
        if (!OrderedPhases.Contains(phase))
        {
            throw new ArgumentException($"Unknown coordinated shutdown phase [{phase}]; known: {string.Join(", ", OrderedPhases)}", nameof(phase));
        }
        lock (_gate)
        {
            if (_phasesStarted.Contains(phase))
            {
                RuntimeLog.ShutdownTaskTooLate(_system.Log, phase, taskName);
                return;
            }
            if (!_tasks.TryGetValue(phase, out var list))
            {
                _tasks[phase] = list = [];
            }
            list.Add((taskName, task));
        }
    }

    /// <summary>Runs all phases; a second call returns the first call's task.</summary>
    public Task Run(Reason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        lock (_gate)
        {
            if (_run is not null)
            {
                return _run;
            }
            ShutdownReason = reason;
            _run = Task.Run(RunPhases);
            return _run;
        }
    }

    private async Task RunPhases()
    {
        RuntimeLog.ShutdownStarted(_system.Log, ShutdownReason!.ToString()!);
        foreach (var phase in OrderedPhases)
        {
            List<(string Name, Func<Task> Task)> tasks;
            lock (_gate)
            {
                _phasesStarted.Add(phase);
                tasks = _tasks.TryGetValue(phase, out var list) ? [.. list] : [];
            }
            RuntimeLog.ShutdownPhaseStarted(_system.Log, phase, tasks.Count);
            var running = tasks.Select(t => (t.Name, Task: RunTask(phase, t.Name, t.Task))).ToList();
            var timeout = Timeout(phase);
            try
            {
                await Task.WhenAll(running.Select(r => r.Task)).WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                var unfinished = string.Join(", ", running.Where(r => !r.Task.IsCompleted).Select(r => r.Name));
                RuntimeLog.ShutdownPhaseTimedOut(_system.Log, phase, timeout, unfinished);
            }
        }
        _system.TerminateActors();
        await _system.WhenTerminated.ConfigureAwait(false);
    }

    private async Task RunTask(string phase, string name, Func<Task> task)
    {
        try
        {
            await Task.Run(task).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A failed task must not stop the shutdown: later phases still have to run.
            RuntimeLog.ShutdownTaskFailed(_system.Log, e, phase, name);
        }
    }

    /// <summary>Why the shutdown was started.</summary>
    public class Reason
    {
        /// <summary>Describes the reason.</summary>
        protected Reason()
        {
        }

        /// <inheritdoc />
        public override string ToString() => GetType().Name;
    }

    /// <summary>No specific reason given.</summary>
    public sealed class UnknownReason : Reason
    {
        private UnknownReason() { }

        /// <summary>The single instance.</summary>
        public static UnknownReason Instance { get; } = new();
    }

    /// <summary>ActorSystem.Terminate() was called.</summary>
    public sealed class ActorSystemTerminateReason : Reason
    {
        private ActorSystemTerminateReason() { }

        /// <summary>The single instance.</summary>
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    /// <summary>The process is exiting (SIGTERM, Ctrl+C).</summary>
    public sealed class ClrExitReason : Reason
    {
        private ClrExitReason() { }

        /// <summary>The single instance.</summary>
        public static ClrExitReason Instance { get; } = new();
    }

    /// <summary>This node was downed by the cluster.</summary>
    public sealed class ClusterDowningReason : Reason
    {
        private ClusterDowningReason() { }

        /// <summary>The single instance.</summary>
        public static ClusterDowningReason Instance { get; } = new();
    }

    /// <summary>This node left the cluster.</summary>
    public sealed class ClusterLeavingReason : Reason
    {
        private ClusterLeavingReason() { }

        /// <summary>The single instance.</summary>
        public static ClusterLeavingReason Instance { get; } = new();
    }
}
