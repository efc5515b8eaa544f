namespace MsgRelay.Relay.Agents;

/// <summary>
/// Counts failed QUOTE KEY attempts per peer address over a sliding minute, shared by every agent
/// session of the node: a guesser who reconnects must still meet the same count. Thread-safe.
/// </summary>
public sealed class KeyFailureLimiter(int maxFailuresPerMinute)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Bounds the table when many addresses fail once each; stale entries are dropped past it.
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>True when <paramref name="peer"/> has used up its failures for the current minute.</summary>
    public bool IsBlocked(string peer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_lock)
        {
            return _failures.TryGetValue(peer, out var times) && Trim(times, now) >= maxFailuresPerMinute;
        }
    }

    /// <summary>Records one failed attempt of <paramref name="peer"/> at <paramref name="now"/>.</summary>
    public void RecordFailure(string peer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_lock)
        {
            if (_failures.Count > PruneAbove)
            {
                foreach (var (key, times) in _failures.ToList())
                {
                    if (Trim(times, now) == 0)
                    {
                        _failures.Remove(key);
                    }
                }
            }

            if (!_failures.TryGetValue(peer, out var queue))
            {
                queue = new Queue<DateTimeOffset>();
                _failures[peer] = queue;
            }

            queue.Enqueue(now);
            Trim(queue, now);
        }
    }

    private static int Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && now - times.Peek() >= Window)
        {
            times.Dequeue();
        }

        return times.Count;
    }
}
