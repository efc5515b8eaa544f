using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Delivery;

/// <summary>
/// The messages an actor (a user's directory entity, a node's session registry) has handed to agent
/// sessions and not yet answered (delivery rule 4): each asker is answered exactly once - delivered
/// at the first acknowledgement, "not delivered" when every chosen session declined or ended, or when
/// the deadline passed without a word (the backstop for a session that cannot answer at all).
/// </summary>
/// <remarks>
/// A table in the owning actor rather than an actor per message: creating, watching, timing and
/// stopping a child per delivery cost more than the delivery itself. The owner already watches the
/// sessions it delivers to and tells <see cref="SessionGone"/> on Terminated; it arms one timer for
/// <see cref="NextDue"/> and calls <see cref="Expire"/> when it fires. Not thread-safe: the owner's
/// turn is the lock.
/// </remarks>
public sealed class PendingAttempts
{
    private readonly Dictionary<long, Attempt> _attempts = [];

    private readonly DeadlineQueue<long> _deadlines;
    private readonly TimeSpan _deadline;
    private readonly Action<string, DeliveryOutcome>? _answered;
    private long _lastId;

    /// <summary>
    /// Creates the table. <paramref name="deadline"/> is the ack timeout: a session whose node died
    /// cannot answer, yet its sender is promised an answer within that time (a session answering at
    /// the same moment is too late; the asker hears once). <paramref name="answered"/> hears each
    /// answer of an attempt started with a duplicate key (UDP duplicate suppression).
    /// </summary>
    public PendingAttempts(TimeSpan deadline, Action<string, DeliveryOutcome>? answered = null)
    {
        _deadline = deadline;
        _answered = answered;
        _deadlines = new DeadlineQueue<long>(_attempts.ContainsKey, DeadlineTick.Instance);
    }

    /// <summary>Attempts not answered yet.</summary>
    public int Count => _attempts.Count;

    /// <summary>When the oldest open attempt's deadline passes; null when none is open.</summary>
    public DateTimeOffset? NextDue => _deadlines.NextDue;

    /// <summary>
    /// Opens an attempt and tells each of <paramref name="sessions"/> a <see cref="Deliver"/> with
    /// <paramref name="self"/> as sender, so their answers come back to the owner.
    /// </summary>
    /// <param name="sessions">The chosen sessions, at least one; the table keeps the array as the attempt's waiting list and clears its entries as sessions answer.</param>
    /// <param name="message">What to deliver.</param>
    /// <param name="isBroadcast">Whether the sessions apply their own mesg and rules (no directory decided for them).</param>
    /// <param name="replyTo">Who gets the <see cref="DeliveryOutcome"/>.</param>
    /// <param name="user">The recipient as named in "not delivered" answers.</param>
    /// <param name="autoreplies">Away texts that go with the answer.</param>
    /// <param name="duplicateKey">Reported to the owner's callback with the answer; null for none.</param>
    /// <param name="self">The owner.</param>
    /// <param name="now">The owner's clock.</param>
    public void Start(
        IActorRef[] sessions,
        RelayMessage message,
        bool isBroadcast,
        IActorRef replyTo,
        string user,
        IReadOnlyList<string> autoreplies,
        string? duplicateKey,
        IActorRef self,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(self);
        if (sessions.Length == 0)
        {
            throw new ArgumentException("an attempt needs at least one session", nameof(sessions));
        }

        var id = ++_lastId;
        var deliver = new Deliver(id, message, now, isBroadcast);
        foreach (var session in sessions)
        {
            session.Tell(deliver, self);
        }

        _attempts[id] = new Attempt(replyTo, user, autoreplies, duplicateKey, sessions);
        _deadlines.Add(id, now + _deadline);
    }

    /// <summary>A session acknowledged attempt <paramref name="attemptId"/>: its asker hears "delivered" (unless it already heard).</summary>
    public void Acknowledged(long attemptId)
    {
        if (_attempts.Remove(attemptId, out var attempt))
        {
            Answer(attempt, acknowledged: 1);
        }
    }

    /// <summary><paramref name="session"/> will not deliver attempt <paramref name="attemptId"/>; the last decline answers "not delivered".</summary>
    public void Declined(long attemptId, IActorRef session)
    {
        if (_attempts.TryGetValue(attemptId, out var attempt) && attempt.Decline(session) && attempt.Remaining == 0)
        {
            _attempts.Remove(attemptId);
            Answer(attempt, acknowledged: 0);
        }
    }

    /// <summary><paramref name="session"/> ended: every open attempt waiting for it counts it as declined.</summary>
    public void SessionGone(IActorRef session)
    {
        List<long>? finished = null;
        foreach (var (id, attempt) in _attempts)
        {
            if (attempt.Decline(session) && attempt.Remaining == 0)
            {
                (finished ??= []).Add(id);
            }
        }

        foreach (var id in finished ?? [])
        {
            if (_attempts.Remove(id, out var attempt))
            {
                Answer(attempt, acknowledged: 0);
            }
        }
    }

    /// <summary>Arms the owner's deadline timer (one for all attempts) when an attempt is open and it is not running.</summary>
    public void ArmTimer(ITimerScheduler timers, DateTimeOffset now) => _deadlines.Arm(timers, now);

    /// <summary>The owner's timer fired (<see cref="DeadlineTick"/>): answers "not delivered" for what is due and re-arms for the rest.</summary>
    public void OnTick(ITimerScheduler timers, DateTimeOffset now)
    {
        Expire(now);
        ArmTimer(timers, now);
    }

    /// <summary>Answers "not delivered" for every attempt whose deadline passed by <paramref name="now"/>.</summary>
    public void Expire(DateTimeOffset now) => _deadlines.Expire(now, ExpireOne);

    /// <summary>The timer message of <see cref="ArmTimer"/>; the owner hands it to <see cref="OnTick"/>.</summary>
    public sealed record DeadlineTick
    {
        /// <summary>The one instance (also the timer's key).</summary>
        public static DeadlineTick Instance { get; } = new();
    }

    private void ExpireOne(long attemptId)
    {
        if (_attempts.Remove(attemptId, out var attempt))
        {
            Answer(attempt, acknowledged: 0);
        }
    }

    private void Answer(Attempt attempt, int acknowledged)
    {
        var outcome = DeliveryDecision.AfterDelivery(acknowledged, attempt.User, attempt.Autoreplies);
        attempt.ReplyTo.Tell(outcome);
        if (attempt.DuplicateKey is { } key)
        {
            _answered?.Invoke(key, outcome);
        }
    }

    private sealed class Attempt(IActorRef replyTo, string user, IReadOnlyList<string> autoreplies, string? duplicateKey, IActorRef?[] waiting)
    {
        public IActorRef ReplyTo { get; } = replyTo;

        public string User { get; } = user;

        public IReadOnlyList<string> Autoreplies { get; } = autoreplies;

        public string? DuplicateKey { get; } = duplicateKey;

        public int Remaining { get; private set; } = waiting.Length;

        // True when the session was still awaited.
        public bool Decline(IActorRef session)
        {
            for (var i = 0; i < waiting.Length; i++)
            {
                if (waiting[i] is { } awaited && awaited.Equals(session))
                {
                    waiting[i] = null;
                    Remaining--;
                    return true;
                }
            }

            return false;
        }
    }
}
