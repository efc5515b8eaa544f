using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MsgRelay.Actors;

/// <summary>
/// A block of consecutive slots of a mailbox's user-message queue. Senders reserve a slot with
/// one atomic increment of <see cref="Reserved"/> and publish it by storing the message; the
/// turn reads the slots in order and clears each one it takes. Slots are consecutive, so a
/// cache line carries four messages from the sending core to the running one, where a linked
/// node per message moved a line per message.
/// </summary>
/// <remarks>
/// Explicit offsets keep the senders' counter and the turn's position (written per message) a
/// cache line away from each other, with the slots in between; automatic layout would put the
/// two ints side by side.
/// </remarks>
[StructLayout(LayoutKind.Explicit)]
internal sealed class MailboxSegment
{
    /// <summary>Slots per segment: 512 bytes of slots, dropped when the actor goes idle.</summary>
    public const int Capacity = 32;

    /// <summary>
    /// Set by the turn that found the segment empty and dropped it; any reservation after that
    /// returns at least this, so a sender that read the segment before the drop tries again.
    /// </summary>
    public const int Closed = 1 << 30;

    /// <summary>
    /// Slots handed out so far: below <see cref="Capacity"/> a free slot; exactly Capacity makes
    /// that sender link the next segment; above it, wait for the tail to move.
    /// </summary>
    [FieldOffset(0)]
    public int Reserved;

    /// <summary>The next segment, linked by the sender that reserved slot <see cref="Capacity"/>.</summary>
    [FieldOffset(8)]
    public MailboxSegment? Next;

    /// <summary>
    /// The actor whose queue holds this segment in its current round. Written before the round's
    /// <see cref="Reserved"/> reset, so a sender that reserved a slot reads the owner of that slot.
    /// </summary>
    [FieldOffset(16)]
    public ActorCell? Owner;

    [FieldOffset(64)]
    public SlotArray Slots;

    /// <summary>Slots the turn has taken; only the turn reads or writes it.</summary>
    [FieldOffset(64 + (Capacity * 16))]
    public int Taken;

    /// <summary>
    /// Stands in a slot reserved by a sender that held this segment from an earlier round, for
    /// another actor: the turn skips it. See <see cref="ActorCell"/>'s Enqueue.
    /// </summary>
    public static readonly object Skipped = new();

    /// <summary>
    /// The tail while a sender installs the first segment of an idle actor's queue: other senders
    /// wait for the real one instead of reserving in it.
    /// </summary>
    public static readonly MailboxSegment Installing = new() { Reserved = Closed };

    // Segments the turns on this thread dropped, for the next segment a sender on this thread needs.
    // Per thread, so renting and returning need no atomics; a few are enough, because the same
    // worker usually wakes the actors its turns talk to.
    [ThreadStatic]
    private static Pool? t_pool;

    // Segments a thread's pool had no room for, for threads that rent more than they return: an I/O
    // thread that only sends (the relay's epoll loop) needs a segment for every message it hands to
    // an idle actor, while the workers whose turns drop those segments rent few. Without it that
    // thread allocated a segment per message (a quarter of the relay's allocation). A lock is enough:
    // it is taken only when a thread's own pool is empty or full.
    private static readonly Lock SharedGate = new();
    private static readonly Pool Shared = new(64);

    private MailboxSegment()
    {
    }

    /// <summary>
    /// A segment for <paramref name="owner"/>'s queue whose first slot holds the message: one the
    /// thread returned earlier, or a new one.
    /// </summary>
    /// <remarks>
    /// A returned segment has every slot taken and cleared, and its <see cref="Reserved"/> at or above
    /// <see cref="Capacity"/> + 1 (closed, or overrun by the senders that found it full), so a sender
    /// that still holds it from an earlier round cannot take a slot or the append until the reset
    /// below, and after it reads the new owner (see Enqueue).
    /// </remarks>
    public static MailboxSegment Rent(ActorCell owner, object message, IActorRef? sender, MailboxSegment? spare = null)
    {
        var segment = spare ?? t_pool?.Take() ?? TakeShared() ?? new MailboxSegment();
        segment.Owner = owner;
        segment.Slots[0].Sender = sender;
        segment.Slots[0].Message = message;
        segment.Taken = 0;
        Volatile.Write(ref segment.Reserved, 1);
        return segment;
    }

    /// <summary>
    /// Gives a segment the turn has finished with (every slot taken, closed or overrun, unlinked) to
    /// this thread's pool, or to the shared one when this thread's is full.
    /// </summary>
    public static void Return(MailboxSegment segment)
    {
        segment.Next = null;
        if (!(t_pool ??= new Pool(8)).TryPut(segment))
        {
            PutShared(segment);
        }
    }

    private static MailboxSegment? TakeShared()
    {
        // Checked without the lock first: where no thread overflows, renting threads find it empty
        // and should not pay for the lock.
        if (Shared.IsEmpty)
        {
            return null;
        }

        lock (SharedGate)
        {
            return Shared.Take();
        }
    }

    private static void PutShared(MailboxSegment segment)
    {
        lock (SharedGate)
        {
            Shared.TryPut(segment);
        }
    }

    // A stack of segments; not thread-safe (the shared one is used under its lock).
    private sealed class Pool(int capacity)
    {
        private readonly MailboxSegment?[] _segments = new MailboxSegment?[capacity];
        private int _count;

        public bool IsEmpty => Volatile.Read(ref _count) == 0;

        public MailboxSegment? Take()
        {
            if (_count == 0)
            {
                return null;
            }
            var segment = _segments[--_count];
            _segments[_count] = null;
            return segment;
        }

        public bool TryPut(MailboxSegment segment)
        {
            if (_count == _segments.Length)
            {
                return false;
            }

            _segments[_count++] = segment;
            return true;
        }
    }

    internal struct Slot
    {
        public object? Message;
        public IActorRef? Sender;
    }

    [InlineArray(Capacity)]
    internal struct SlotArray
    {
        private Slot _first;
    }
}
