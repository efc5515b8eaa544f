namespace MsgRelay.Actors.TestKit;

/// <summary>
/// A scheduler whose clock only moves when the test calls <see cref="Advance"/> or
/// <see cref="AdvanceTo"/>; due work then runs on the calling thread, in due-time order.
/// Install it with <c>new ActorSystemSettings { Scheduler = new TestScheduler() }</c>.
/// </summary>
public sealed class TestScheduler : IScheduler
{
    private readonly Lock _gate = new();
    private readonly List<Item> _items = [];
    private DateTimeOffset _now = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private long _sequence;

    /// <inheritdoc />
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>Scheduled work not yet due (cancelled work excluded).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _items.Count(i => !i.IsCancellationRequested);
            }
        }
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellOnce(TimeSpan delay, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return Add(delay, null, () => receiver.Tell(message, sender));
    }

    /// <inheritdoc />
    public ICancelable ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, IActorRef receiver, object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        return Add(initialDelay, interval, () => receiver.Tell(message, sender));
    }

    /// <inheritdoc />
    public ICancelable Schedule(TimeSpan delay, Action action) => Add(delay, null, action);

    /// <inheritdoc />
    public ICancelable ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) => Add(initialDelay, interval, action);

    /// <summary>Moves the clock forward by <paramref name="by"/>, running everything that falls due.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Time only moves forward");
        }
        AdvanceTo(Now + by);
    }

    /// <summary>Moves the clock to <paramref name="when"/>, running everything due by then.</summary>
    public void AdvanceTo(DateTimeOffset when)
    {
        while (true)
        {
            Item? due;
            lock (_gate)
            {
                _items.RemoveAll(i => i.IsCancellationRequested);
                due = _items.Where(i => i.Due <= when).OrderBy(i => i.Due).ThenBy(i => i.Sequence).FirstOrDefault();
                if (due is null)
                {
                    if (when > _now)
                    {
                        _now = when;
                    }
                    return;
                }
                _items.Remove(due);
                if (due.Due > _now)
                {
                    _now = due.Due;
                }
                if (due.Interval is { } interval)
                {
                    due.Due += interval;
                    due.Sequence = ++_sequence;
                    _items.Add(due);
                }
            }
            due.Action();
        }
    }

    private Item Add(TimeSpan delay, TimeSpan? interval, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (interval is { } every && every <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), every, "The interval must be positive.");
        }
        lock (_gate)
        {
            var item = new Item(action) { Due = _now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), Interval = interval, Sequence = ++_sequence };
            _items.Add(item);
            return item;
        }
    }

    private sealed class Item(Action action) : Cancelable
    {
        public Action Action { get; } = action;

        public DateTimeOffset Due { get; set; }

        public TimeSpan? Interval { get; init; }

        public long Sequence { get; set; }
    }
}
