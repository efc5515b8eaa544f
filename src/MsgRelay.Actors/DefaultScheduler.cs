namespace MsgRelay.Actors;

/// <summary>
/// The real scheduler, on <see cref="TimeProvider"/> timers (the runtime's timer queue, no
/// thread of its own). A repeated tell to an actor that has stopped cancels itself.
/// </summary>
public sealed class DefaultScheduler : IScheduler
{
    private readonly TimeProvider _time;

    /// <summary>A scheduler on the system clock.</summary>
    public DefaultScheduler() : this(TimeProvider.System)
    {
    }

    /// <summary>A scheduler on the given time provider.</summary>
    public DefaultScheduler(TimeProvider time) => _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <inheritdoc />
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        return Schedule(delay, () => receiver.Tell(message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        Entry? entry = null;
        entry = Start(initialDelay, interval, () =>
        {
            if (receiver is IInternalActorRef { IsTerminated: true })
            {
                entry!.Cancel();
                return;
            }
            receiver.Tell(message, sender);
        });
        return entry;
    }

    /// <inheritdoc />
    public ICancelable Schedule(TimeSpan delay, Action action) => Start(delay, Timeout.InfiniteTimeSpan, action);

    /// <inheritdoc />
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) => Start(initialDelay, interval, action);

    private Entry Start(TimeSpan delay, TimeSpan period, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (period != Timeout.InfiniteTimeSpan && period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The interval must be positive.");
        }
        var entry = new Entry(action);
        entry.Start(_time, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, period);
        return entry;
    }

    private sealed class Entry(Action action) : ICancelable
    {
        private ITimer? _timer;
        private int _cancelled;

        public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

        public void Start(TimeProvider time, TimeSpan delay, TimeSpan period)
        {
            var timer = time.CreateTimer(static state => ((Entry)state!).Fire(), this, delay, period);
            Volatile.Write(ref _timer, timer);
            if (IsCancellationRequested)
            {
                timer.Dispose();
            }
        }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                Volatile.Read(ref _timer)?.Dispose();
            }
        }

        private void Fire()
        {
            if (IsCancellationRequested)
            {
                return;
            }
            try
            {
                action();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A scheduled action has nobody to report to; swallowing keeps the timer queue alive.
                System.Diagnostics.Trace.TraceError("Scheduled action failed: {0}", e);
            }
        }
    }
}
