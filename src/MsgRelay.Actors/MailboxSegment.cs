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

    [FieldOffset(64)]
    public SlotArray Slots;

    /// <summary>Slots the turn has taken; only the turn reads or writes it.</summary>
    [FieldOffset(64 + (Capacity * 16))]
    public int Taken;

    /// <summary>A segment whose first slot already holds a message, as its installing sender creates it.</summary>
    public MailboxSegment(object message, IActorRef? sender)
    {
        Slots[0].Message = message;
        Slots[0].Sender = sender;
        Reserved = 1;
    }

    /// <summary>
    /// Reuses a segment the turn has taken every message from (its slots are cleared, its
    /// <see cref="Reserved"/> is above <see cref="Capacity"/>), with the first slot filled.
    /// </summary>
    /// <remarks>
    /// A sender that read this segment as the tail long ago may still increment
    /// <see cref="Reserved"/>: before this reset it gets a value above Capacity and retries;
    /// after it, a slot of this segment, which is in the queue by then or is about to be linked
    /// by the caller, so the message is delivered after the ones already queued.
    /// </remarks>
    public void Reuse(object message, IActorRef? sender)
    {
        Slots[0].Sender = sender;
        Slots[0].Message = message;
        Volatile.Write(ref Reserved, 1);
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
