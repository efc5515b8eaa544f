using System.Runtime.CompilerServices;

namespace MsgRelay.Actors;

/// <summary>
/// Every instance field of the cell, in one place because their order is a performance decision.
/// </summary>
/// <remarks>
/// The runtime lays reference fields out in declaration order, then the ints, then the bytes. A
/// busy actor is written from two sides at once: senders on other cores read <see cref="_tailSegment"/>
/// and <see cref="_status"/> on every Tell, while the running turn writes the current message
/// and the queue head on every message. Sharing a cache line made each message move that line
/// between cores twice (about 7% more CPU per message in the tell-throughput benchmark). Instead
/// of padding (about 60 bytes per actor), fields that are rarely touched sit between the two sides:
/// the tail is the first field, at least 64 bytes before anything a turn touches per message, and
/// the status word (last, with the state byte) is at least 64 bytes after anything a turn writes
/// per message. <c>ActorCellLayoutTests</c> checks those distances, so keep new fields in their group.
/// </remarks>
internal sealed partial class ActorCell
{
    // Read by senders on every Tell, written once per segment (32 messages).
    private MailboxSegment? _tailSegment;

    // Cold: set once or touched on lifecycle, supervision and death-watch events only.
    private readonly ActorSystem _system;
    private readonly Props _props;
    private readonly IInternalActorRef _parent;
    private readonly ActorPath _path;
    private Dictionary<string, ChildRestartStats>? _children;
    private HashSet<IActorRef>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    private ActorSynchronizationContext? _asyncContext;
    private MailboxSegment? _spareSegment;

    // Written by the turn on every message.
    private object? _currentMessage;
    private IActorRef? _currentSender;
    private MailboxSegment? _headSegment;

    // Read by the turn on every message.
    private ActorBase? _actor;
    private List<Receive>? _behaviorStack;
    private SystemMessage? _systemHead;
    private LinkedList<Envelope>? _unstashed;
    private Task? _pendingTask;
    private ReceiveTimeoutState? _receiveTimeout;

    // Cold again, keeping the status word away from the fields written per message.
    private Exception? _recreateCause;
    private List<SystemMessage>? _deferredSystemMessages;

    // Read by senders on every Tell; written by the turn when it starts and ends.
    private int _status;
    private CellState _state;

    /// <summary>Offsets (from the first field) of the fields the layout keeps apart, for its test.</summary>
    internal static IReadOnlyDictionary<string, (int Offset, int Size)> HotFieldOffsets(ActorCell cell)
    {
        ref var start = ref Unsafe.As<RawData>(cell).FirstField;
        return new Dictionary<string, (int, int)>
        {
            [nameof(_tailSegment)] = At(ref start, ref cell._tailSegment),
            [nameof(_status)] = At(ref start, ref cell._status),
            [nameof(_currentMessage)] = At(ref start, ref cell._currentMessage),
            [nameof(_currentSender)] = At(ref start, ref cell._currentSender),
            [nameof(_headSegment)] = At(ref start, ref cell._headSegment),
            [nameof(_actor)] = At(ref start, ref cell._actor),
            [nameof(_behaviorStack)] = At(ref start, ref cell._behaviorStack),
            [nameof(_systemHead)] = At(ref start, ref cell._systemHead),
            [nameof(_unstashed)] = At(ref start, ref cell._unstashed),
            [nameof(_pendingTask)] = At(ref start, ref cell._pendingTask),
            [nameof(_receiveTimeout)] = At(ref start, ref cell._receiveTimeout),
            [nameof(_state)] = At(ref start, ref cell._state),
        };
    }

    private static (int, int) At<T>(ref byte start, ref T field) =>
        ((int)Unsafe.ByteOffset(ref start, ref Unsafe.As<T, byte>(ref field)), Unsafe.SizeOf<T>());

    // Any object seen through this shape exposes the address of its first field.
    private sealed class RawData
    {
        public byte FirstField;
    }
}
