namespace MsgRelay.Actors;

/// <summary>The parent's record of one child: restart counting for the supervisor strategy.</summary>
internal sealed class ChildRestartStats(ActorCell child)
{
    public ActorCell Child { get; } = child;

    /// <summary>Stop requested; the name stays reserved until the child reports termination.</summary>
    public bool Terminating { get; set; }

    private int _retries;
    private long _windowStart;

    /// <summary>Akka's rule: at most maxNrOfRetries restarts within the window (or in total without one).</summary>
    public bool RequestRestartPermission(int maxNrOfRetries, TimeSpan? withinTimeRange)
    {
        if (maxNrOfRetries == 0)
        {
            return false;
        }
        if (withinTimeRange is null)
        {
            if (maxNrOfRetries < 0)
            {
                return true;
            }
            _retries++;
            return _retries <= maxNrOfRetries;
        }
        var limit = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = Environment.TickCount64;
        if (_windowStart == 0)
        {
            _windowStart = now;
        }
        if (now - _windowStart <= (long)withinTimeRange.Value.TotalMilliseconds)
        {
            _retries++;
            return _retries <= limit;
        }
        _retries = 1;
        _windowStart = now;
        return true;
    }
}
