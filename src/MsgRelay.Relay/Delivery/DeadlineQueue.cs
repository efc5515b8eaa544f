using MsgRelay.Actors;

namespace MsgRelay.Relay.Delivery;

/// <summary>
/// The deadlines of an actor's open items (deliveries waiting for an ACK, attempts waiting for their
/// sessions) behind one actor timer instead of a timer per item. Items share one timeout, so
/// creation order is due order: a queue, whose head is the next deadline. Items closed early are
/// dropped lazily when they reach the head. Not thread-safe: the owner's turn is the lock.
/// </summary>
/// <typeparam name="TKey">The owner's key of an item.</typeparam>
public sealed class DeadlineQueue<TKey>
    where TKey : notnull
{
    private readonly Queue<(TKey Key, DateTimeOffset Due)> _queue = new();
    private readonly Func<TKey, bool> _isOpen;
    private readonly object _tick;

    /// <summary>
    /// Creates the queue. <paramref name="isOpen"/> says whether an item still waits;
    /// <paramref name="tick"/> is the message (and key) of the owner's timer, which the owner hands
    /// to <see cref="Expire"/> (then <see cref="Arm"/>) when it arrives.
    /// </summary>
    public DeadlineQueue(Func<TKey, bool> isOpen, object tick)
    {
        ArgumentNullException.ThrowIfNull(isOpen);
        ArgumentNullException.ThrowIfNull(tick);
        _isOpen = isOpen;
        _tick = tick;
    }

    /// <summary>The next deadline of an open item; null when none is open.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            while (_queue.TryPeek(out var head) && !_isOpen(head.Key))
            {
                _queue.Dequeue();
            }

            return _queue.TryPeek(out var next) ? next.Due : null;
        }
    }

    /// <summary>Adds the deadline of a new item (no earlier than any added before).</summary>
    public void Add(TKey key, DateTimeOffset due) => _queue.Enqueue((key, due));

    /// <summary>Arms the owner's timer for the next deadline, unless it runs already or nothing is open.</summary>
    public void Arm(ITimerScheduler timers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(timers);
        if (NextDue is { } due && !timers.IsTimerActive(_tick))
        {
            var wait = due - now;
            timers.StartSingleTimer(_tick, _tick, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        }
    }

    /// <summary>Calls <paramref name="expire"/> for every open item due by <paramref name="now"/> and forgets their deadlines.</summary>
    public void Expire(DateTimeOffset now, Action<TKey> expire)
    {
        ArgumentNullException.ThrowIfNull(expire);
        while (_queue.TryPeek(out var head) && head.Due <= now)
        {
            _queue.Dequeue();
            if (_isOpen(head.Key))
            {
                expire(head.Key);
            }
        }
    }
}
