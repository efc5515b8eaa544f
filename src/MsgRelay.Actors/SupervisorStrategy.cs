namespace MsgRelay.Actors;

/// <summary>How a parent handles its children's failures (Akka's SupervisorStrategy).</summary>
public abstract class SupervisorStrategy
{
    /// <summary>Creates a strategy.</summary>
    /// <param name="maxNrOfRetries">Restarts allowed within the window; -1 for no limit, 0 for none.</param>
    /// <param name="withinTimeRange">The window; null or infinite counts restarts over the child's whole life.</param>
    /// <param name="decider">Maps an exception to a directive.</param>
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange is { } range && range > TimeSpan.Zero && range != Timeout.InfiniteTimeSpan ? range : null;
        Decider = decider;
    }

    /// <summary>Restart on any exception except initialization, Kill and death-pact failures, which stop.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any failing child.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/>; -1 means unlimited.</summary>
    public int MaxNumberOfRetries { get; }

    /// <summary>The restart-counting window, or null for the child's whole life.</summary>
    public TimeSpan? WithinTimeRange { get; }

    /// <summary>Maps an exception to a directive.</summary>
    public Func<Exception, Directive> Decider { get; }

    /// <summary>Akka's default decider.</summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>Applies the decider; returns false when the failure must be escalated.</summary>
    internal bool HandleFailure(ActorCell parent, ChildRestartStats failed, Exception cause)
    {
        Directive directive;
        try
        {
            directive = Decider(cause);
        }
        catch (Exception e)
        {
            RuntimeLog.HookFailed(parent.System.Log, e, parent.Path.ToString(), "Decider");
            directive = Directive.Escalate;
        }
        var log = parent.System.Log;
        var path = failed.Child.Path.ToString();
        switch (directive)
        {
            case Directive.Resume:
                RuntimeLog.ActorFailedResumed(log, cause, path, cause.Message);
                failed.Child.SendSystemMessage(new Resume());
                return true;
            case Directive.Restart:
                RuntimeLog.ActorFailed(log, cause, path, directive, cause.Message);
                ProcessFailure(parent, restart: true, failed, cause);
                return true;
            case Directive.Stop:
                RuntimeLog.ActorFailed(log, cause, path, directive, cause.Message);
                ProcessFailure(parent, restart: false, failed, cause);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restarts or stops the failed child (and, for all-for-one, its siblings).</summary>
    internal abstract void ProcessFailure(ActorCell parent, bool restart, ChildRestartStats failed, Exception cause);

    private protected static void RestartOrStop(ActorCell parent, bool restart, ChildRestartStats stats, Exception cause)
    {
        if (restart)
        {
            stats.Child.SendSystemMessage(new Recreate(cause));
        }
        else
        {
            parent.Stop(stats.Child);
        }
    }
}

/// <summary>Applies the directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with a restart limit: over <paramref name="maxNrOfRetries"/> restarts within <paramref name="withinTimeRange"/> the child is stopped.</summary>
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>A strategy without a restart limit.</summary>
    public OneForOneStrategy(Func<Exception, Directive> decider) : base(-1, null, decider)
    {
    }

    internal override void ProcessFailure(ActorCell parent, bool restart, ChildRestartStats failed, Exception cause)
    {
        var permitted = restart && failed.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange);
        if (restart && !permitted)
        {
            RuntimeLog.RestartLimitReached(parent.System.Log, failed.Child.Path.ToString(), MaxNumberOfRetries);
        }
        RestartOrStop(parent, permitted, failed, cause);
    }
}

/// <summary>Applies the directive to the failed child and all its siblings.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>A strategy with a restart limit, counted per child.</summary>
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    /// <summary>A strategy without a restart limit.</summary>
    public AllForOneStrategy(Func<Exception, Directive> decider) : base(-1, null, decider)
    {
    }

    internal override void ProcessFailure(ActorCell parent, bool restart, ChildRestartStats failed, Exception cause)
    {
        var all = parent.ChildStatsSnapshot().Where(s => !s.Terminating).ToList();
        var permitted = restart && all.All(s => s.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange));
        if (restart && !permitted)
        {
            RuntimeLog.RestartLimitReached(parent.System.Log, failed.Child.Path.ToString(), MaxNumberOfRetries);
        }
        foreach (var stats in all)
        {
            RestartOrStop(parent, permitted, stats, cause);
        }
    }
}
