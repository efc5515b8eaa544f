using System.Diagnostics.CodeAnalysis;

namespace MsgRelay.Actors;

/// <summary>
/// The user-message queue: a linked list of <see cref="MailboxSegment"/>s, many senders, one
/// consumer (the running turn). An idle actor holds no segment: the turn that finds the queue
/// empty closes and drops the last one, and the next sender installs a new one.
/// </summary>
/// <remarks>
/// States, as the turn sees them: <c>_tailSegment</c> null (empty, no segment); head null but
/// tail set (a sender is installing the first segment, two instructions away from setting the
/// head); head and tail set. The tail moves forward only by the one sender that reserved slot
/// <see cref="MailboxSegment.Capacity"/> of the current tail, and back to null only by the turn,
/// after closing a segment nobody can reserve in any more.
/// </remarks>
internal sealed partial class ActorCell
{
    private void Enqueue(object message, IActorRef? sender) => Enqueue(Volatile.Read(ref _tailSegment), message, sender);

    /// <summary>
    /// Enqueues as a sender that read <paramref name="tail"/> as this queue's tail (for tests: a
    /// sender that read it before the segment was dropped and rented by another actor).
    /// </summary>
    internal void EnqueueAfterReading(MailboxSegment? tail, object message, IActorRef? sender)
    {
        Enqueue(tail, message, sender);
        TrySchedule();
    }

    /// <summary>The queue's tail segment now (for tests).</summary>
    internal MailboxSegment? TailSegment => Volatile.Read(ref _tailSegment);

    private void Enqueue(MailboxSegment? tail, object message, IActorRef? sender)
    {
        var spinner = default(SpinWait);
        for (var segment = tail; ; segment = Volatile.Read(ref _tailSegment))
        {
            if (segment is null)
            {
                // Claim the install before renting: a pooled segment is open to reservations from
                // the moment it is rented (see below), so it must not be rented and then dropped.
                if (Interlocked.CompareExchange(ref _tailSegment, MailboxSegment.Installing, null) is null)
                {
                    var first = MailboxSegment.Rent(this, message, sender);
                    Volatile.Write(ref _tailSegment, first);
                    // The turn that dropped the last segment cleared the head before the tail; it
                    // waits for the head to appear (TryDequeueSlot).
                    Volatile.Write(ref _headSegment, first);
                    return;
                }
                continue;
            }
            // The install marker is shared by every actor: wait for the real segment (below)
            // rather than reserve in it. The increment is a full fence: the reservation is visible
            // before TrySchedule reads the status word, and an ending turn tests reservations, not
            // published slots (HasUserMessages), so one of the two always schedules the actor.
            var index = ReferenceEquals(segment, MailboxSegment.Installing)
                ? MailboxSegment.Closed
                : Interlocked.Increment(ref segment.Reserved) - 1;
            if (index <= MailboxSegment.Capacity)
            {
                // Segments are pooled: this one may have been dropped and rented by another actor
                // since it was read as the tail. The reservation is this round's, and the round's
                // owner was written before its reset, so this reads who owns the reserved slot.
                var owner = segment.Owner;
                if (!ReferenceEquals(owner, this))
                {
                    // Another actor's slot: fill it with a placeholder its turn skips (or, for the
                    // last one, do the append this reservation is responsible for) and start over.
                    if (index < MailboxSegment.Capacity)
                    {
                        Volatile.Write(ref segment.Slots[index].Message, MailboxSegment.Skipped);
                    }
                    else
                    {
                        owner!.AppendSegment(segment, MailboxSegment.Skipped, null);
                    }
                    continue;
                }
                if (index < MailboxSegment.Capacity)
                {
                    ref var slot = ref segment.Slots[index];
                    slot.Sender = sender;
                    Volatile.Write(ref slot.Message, message);
                    return;
                }
                AppendSegment(segment, message, sender);
                return;
            }
            // Full and another sender is appending, closed by a turn that is dropping it, or the
            // first segment being installed.
            while (ReferenceEquals(Volatile.Read(ref _tailSegment), segment))
            {
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }
    }

    /// <summary>
    /// Links the segment after a full <paramref name="full"/>, holding this sender's message. The
    /// tail moves before the link, so by the time the turn can reach the new segment (and drop it)
    /// nobody will write the tail on its behalf any more.
    /// </summary>
    private void AppendSegment(MailboxSegment full, object message, IActorRef? sender)
    {
        var next = MailboxSegment.Rent(this, message, sender, Interlocked.Exchange(ref _spareSegment, null));
        // Normally the full segment is the tail already. It is not yet when it is a reused spare
        // that senders holding it from its previous round filled before its own appender made it
        // the tail; writing ours first would let that appender move the tail back to a full one.
        var spinner = default(SpinWait);
        while (!ReferenceEquals(Volatile.Read(ref _tailSegment), full))
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        Volatile.Write(ref _tailSegment, next);
        Volatile.Write(ref full.Next, next);
    }

    // Counts a message as queued once its slot is reserved, before it is published: a turn that
    // ends in that window runs again (and waits for the message in TryDequeue) rather than losing
    // the wake-up.
    private bool HasUserMessages
    {
        get
        {
            var tail = Volatile.Read(ref _tailSegment);
            if (tail is null)
            {
                return false;
            }
            return !ReferenceEquals(Volatile.Read(ref _headSegment), tail) || Volatile.Read(ref tail.Reserved) > tail.Taken;
        }
    }

    /// <summary>Whether the queue holds any segment; an idle actor holds none (for tests).</summary>
    internal bool HoldsQueueSegment =>
        Volatile.Read(ref _tailSegment) is not null
        || Volatile.Read(ref _headSegment) is not null
        || Volatile.Read(ref _spareSegment) is not null;

    private bool TryDequeue(out object message, out IActorRef? sender)
    {
        while (TryDequeueSlot(out message, out sender))
        {
            if (!ReferenceEquals(message, MailboxSegment.Skipped))
            {
                return true;
            }
        }
        return false;
    }

    // The next slot's content, a placeholder (MailboxSegment.Skipped) included.
    private bool TryDequeueSlot(out object message, out IActorRef? sender)
    {
        if (_unstashed is { Count: > 0 } unstashed)
        {
            var first = unstashed.First!.Value;
            unstashed.RemoveFirst();
            (message, sender) = (first.Message, first.Sender);
            return true;
        }
        var segment = _headSegment;
        if (segment is null)
        {
            if (Volatile.Read(ref _tailSegment) is null)
            {
                message = null!;
                sender = null;
                return false;
            }
            segment = AwaitSet(ref _headSegment);
        }
        var index = segment.Taken;
        if (index == MailboxSegment.Capacity)
        {
            if (!TryAwaitOrDrop(ref segment.Next, segment, index, out var next))
            {
                message = null!;
                sender = null;
                return false;
            }
            // Every slot is taken and cleared, and its appender is done with it: keep it for the
            // next append (the one kept before goes to the pool).
            segment.Next = null;
            if (Interlocked.Exchange(ref _spareSegment, segment) is { } previous)
            {
                MailboxSegment.Return(previous);
            }
            _headSegment = segment = next;
            index = 0;
        }
        ref var slot = ref segment.Slots[index];
        if (!TryAwaitOrDrop(ref slot.Message, segment, index, out var taken))
        {
            message = null!;
            sender = null;
            return false;
        }
        message = taken;
        sender = slot.Sender;
        // Cleared so the queue does not keep the message alive, and so a reused segment's slots
        // read as unpublished.
        slot.Message = null;
        slot.Sender = null;
        segment.Taken = index + 1;
        return true;
    }

    /// <summary>
    /// What a sender has written, or is about to write, at <paramref name="location"/> (the next
    /// segment's link, or the next slot); false when nobody reserved past <paramref name="taken"/>,
    /// and the segment is closed and dropped instead.
    /// </summary>
    private bool TryAwaitOrDrop<T>(ref T? location, MailboxSegment segment, int taken, [NotNullWhen(true)] out T? value)
        where T : class
    {
        value = Volatile.Read(ref location);
        if (value is not null)
        {
            return true;
        }
        if (TryDropEmpty(segment, taken))
        {
            return false;
        }
        value = AwaitSet(ref location);
        return true;
    }

    /// <summary>
    /// The turn has taken every slot up to <paramref name="taken"/>: if nobody has reserved more,
    /// close the segment so nobody can, and drop it, so an idle actor keeps no segment.
    /// </summary>
    private bool TryDropEmpty(MailboxSegment segment, int taken)
    {
        if (Volatile.Read(ref segment.Reserved) != taken
            || Interlocked.CompareExchange(ref segment.Reserved, MailboxSegment.Closed, taken) != taken)
        {
            return false;
        }
        // Head before tail: a sender installs a new first segment only after seeing the tail
        // null, and then sets the head itself.
        Volatile.Write(ref _headSegment, null);
        var spare = Interlocked.Exchange(ref _spareSegment, null);
        Volatile.Write(ref _tailSegment, null);
        MailboxSegment.Return(segment);
        if (spare is not null)
        {
            MailboxSegment.Return(spare);
        }
        return true;
    }

    // The turn's waits (first segment, next segment, published slot) are for a sender that is
    // between two adjacent instructions of Enqueue. Ending the turn instead and rescheduling turned
    // a sender preempted in that window into a loop of empty turns through the pool; never
    // Sleep(1), yielding lets the sender finish.
    private static T AwaitSet<T>(ref T? location)
        where T : class
    {
        var spinner = default(SpinWait);
        T? value;
        while ((value = Volatile.Read(ref location)) is null)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        return value;
    }
}
