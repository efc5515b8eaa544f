namespace MsgRelay.Actors;

/// <summary>The per-actor <see cref="ITimerScheduler"/>; touched only on the actor's turn.</summary>
internal sealed class TimerScheduler(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, ActiveTimer> _timers = [];
    private int _generation;

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) => Start(key, msg, timeout, null);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) => Start(key, msg, interval, interval);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) => Start(key, msg, initialDelay, interval);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
        {
            timer.Task.Cancel();
        }
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
        {
            timer.Task.Cancel();
        }
        _timers.Clear();
    }

    /// <summary>Whether a fired timer message is still current; a single timer is consumed by it.</summary>
    public bool Accept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this)
            || !_timers.TryGetValue(message.Key, out var timer)
            || timer.Generation != message.Generation)
        {
            return false;
        }
        if (!timer.Repeating)
        {
            _timers.Remove(message.Key);
        }
        return true;
    }

    private void Start(object key, object msg, TimeSpan initialDelay, TimeSpan? interval)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var message = new TimerMessage(key, generation, this, msg);
        var scheduler = cell.System.Scheduler;
        var task = interval is { } every
            ? scheduler.ScheduleTellRepeatedly(initialDelay, every, cell, message, null)
            : scheduler.ScheduleTellOnce(initialDelay, cell, message, null);
        _timers[key] = new ActiveTimer(generation, interval is not null, task);
    }

    private sealed record ActiveTimer(int Generation, bool Repeating, ICancelable Task);
}

/// <summary>A fired timer; delivered as its inner message only if still current.</summary>
internal sealed record TimerMessage(object Key, int Generation, TimerScheduler Owner, object Message);
