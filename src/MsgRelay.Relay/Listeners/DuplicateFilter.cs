using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// Recognises retransmitted MSP v2 datagrams (PROTOCOLS.md section 2): the same source address,
/// SENDER, SENDER-TERM and COOKIE, compared case-insensitively, within a window. The first copy is
/// routed and its outcome remembered; a later copy is answered from that outcome and never routed.
/// </summary>
/// <remarks>
/// Pure and single-threaded (the caller serialises access and supplies the clock), so the same
/// class can move into the UserDirectory entity for cluster-wide suppression. Memory is bounded
/// twice: entries expire after the window, and past <see cref="Capacity"/> the oldest go first.
/// </remarks>
public sealed class DuplicateFilter
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<(string Key, DateTimeOffset Seen)> _order = new();

    /// <summary>Creates a filter remembering copies for <paramref name="window"/>, at most <paramref name="capacity"/> of them.</summary>
    public DuplicateFilter(TimeSpan window, int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Window = window;
        Capacity = capacity;
    }

    /// <summary>How long a first copy is remembered.</summary>
    public TimeSpan Window { get; }

    /// <summary>Most messages remembered at once.</summary>
    public int Capacity { get; }

    /// <summary>Messages remembered now.</summary>
    public int Count => _entries.Count;

    /// <summary>The identity of a message: NUL cannot occur in MSP parts, so it separates them unambiguously.</summary>
    public static string KeyOf(string sourceAddress, string sender, string senderTerminal, string cookie) =>
        string.Concat(sourceAddress, "\0", sender, "\0", senderTerminal, "\0", cookie);

    /// <summary>
    /// Looks a message up at <paramref name="now"/>. A message not seen within the window is
    /// recorded as pending and reported <see cref="DuplicateStatus.First"/>: route it, then call
    /// <see cref="Complete"/>.
    /// </summary>
    public DuplicateCheck Check(string key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        Expire(now);
        if (_entries.TryGetValue(key, out var entry))
        {
            return entry.Completed
                ? new DuplicateCheck(DuplicateStatus.Answered, entry.Outcome)
                : new DuplicateCheck(DuplicateStatus.Pending, null);
        }

        while (_entries.Count >= Capacity && _order.TryDequeue(out var oldest))
        {
            _entries.Remove(oldest.Key);
        }

        _entries[key] = new Entry(now);
        _order.Enqueue((key, now));
        return new DuplicateCheck(DuplicateStatus.First, null);
    }

    /// <summary>Remembers how the first copy ended; null when the relay gave no answer (later copies then get silence).</summary>
    public void Complete(string key, DeliveryOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Completed = true;
            entry.Outcome = outcome;
        }
    }

    private void Expire(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && now - oldest.Seen >= Window)
        {
            _order.Dequeue();
            if (_entries.TryGetValue(oldest.Key, out var entry) && entry.Seen == oldest.Seen)
            {
                _entries.Remove(oldest.Key);
            }
        }
    }

    private sealed class Entry(DateTimeOffset seen)
    {
        public DateTimeOffset Seen { get; } = seen;

        public bool Completed { get; set; }

        public DeliveryOutcome? Outcome { get; set; }
    }
}

/// <summary>What <see cref="DuplicateFilter.Check"/> found.</summary>
public enum DuplicateStatus
{
    /// <summary>Not seen within the window: route it.</summary>
    First,

    /// <summary>A copy is being routed right now: drop this one silently (the sender retries).</summary>
    Pending,

    /// <summary>A copy was routed: answer exactly as that one was answered.</summary>
    Answered,
}

/// <summary>The result of a duplicate check; <paramref name="Outcome"/> is the first copy's when <see cref="DuplicateStatus.Answered"/>.</summary>
public readonly record struct DuplicateCheck(DuplicateStatus Status, DeliveryOutcome? Outcome);
