using System.Runtime.CompilerServices;

namespace MsgRelay.Actors;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in the constructor (or in a
/// <see cref="Become(Action)"/> block); the first handler whose type and predicate match wins.
/// </summary>
public abstract class ReceiveActor : ActorBase
{
    private readonly ReceiveHandlers _initial;
    private ReceiveHandlers? _configuring;

    /// <summary>Creates the actor with an empty initial behaviour.</summary>
    protected ReceiveActor() => _initial = new ReceiveHandlers(this);

    private ReceiveHandlers Target => _configuring ?? _initial;

    /// <summary>Handles messages of type <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler) => Target.Add(new SyncHandler<T>(handler, null));

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="predicate"/> holds.</summary>
    protected void Receive<T>(Func<T, bool> predicate, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Target.Add(new SyncHandler<T>(handler, m => predicate(m)));
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> for which <paramref name="shouldHandle"/> holds.</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T> shouldHandle) => Target.Add(new SyncHandler<T>(handler, shouldHandle));

    /// <summary>
    /// Handles messages of type <typeparamref name="T"/> asynchronously: the mailbox is suspended
    /// until the task completes, so no other message interleaves and Sender stays valid.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => Target.Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Asynchronously handles messages of type <typeparamref name="T"/> for which <paramref name="predicate"/> holds.</summary>
    protected void ReceiveAsync<T>(Func<T, bool> predicate, Func<T, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Target.Add(new AsyncHandler<T>(handler, m => predicate(m)));
    }

    /// <summary>Handles any message not handled by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Target.Add(new SyncHandler<object>(handler, null));

    /// <summary>Asynchronously handles any message not handled by an earlier handler.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler) => Target.Add(new AsyncHandler<object>(handler, null));

    /// <summary>Replaces the behaviour with the handlers registered inside <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Become(Configure(configure).Handle);

    /// <summary>Pushes the handlers registered inside <paramref name="configure"/>; pop with UnbecomeStacked.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Configure(configure).Handle);

    /// <inheritdoc />
    protected sealed override bool Receive(object message) => _initial.Handle(message);

    private ReceiveHandlers Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var handlers = new ReceiveHandlers(this);
        var previous = _configuring;
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }
        return handlers;
    }

    internal ActorCell Cell => (ActorCell)Self;

    private sealed class ReceiveHandlers(ReceiveActor owner)
    {
        // An array grown by one: most actors register a handful of handlers once, and the array
        // is cheaper per idle actor than a List.
        private Handler[] _handlers = [];

        public void Add(Handler handler)
        {
            Array.Resize(ref _handlers, _handlers.Length + 1);
            _handlers[^1] = handler;
        }

        public bool Handle(object message)
        {
            foreach (var handler in _handlers)
            {
                if (handler.TryHandle(message, owner))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private abstract class Handler
    {
        public abstract bool TryHandle(object message, ReceiveActor owner);

        /// <summary>
        /// Type test on the hot path: an exact type match is a pointer compare, whereas `is T` in
        /// shared generic code goes through a runtime cast helper.
        /// </summary>
        protected static bool Matches<T>(object message, out T typed)
        {
            // Reinterpreting the reference is only valid for reference types (a boxed struct
            // must be unboxed); typeof(T).IsValueType is a JIT-time constant.
            if (!typeof(T).IsValueType && message.GetType() == typeof(T))
            {
                typed = Unsafe.As<object, T>(ref message);
                return true;
            }
            if (TypeTraits<T>.IsSealed || message is not T cast)
            {
                typed = default!;
                return false;
            }
            typed = cast;
            return true;
        }
    }

    private static class TypeTraits<T>
    {
        public static readonly bool IsSealed = typeof(T).IsSealed && !typeof(T).IsValueType;
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : Handler
    {
        private readonly Action<T> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

        public override bool TryHandle(object message, ReceiveActor owner)
        {
            if (!Matches(message, out T typed) || (shouldHandle is not null && !shouldHandle(typed)))
            {
                return false;
            }
            _handler(typed);
            return true;
        }
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : Handler
    {
        private readonly Func<T, Task> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

        public override bool TryHandle(object message, ReceiveActor owner)
        {
            if (!Matches(message, out T typed) || (shouldHandle is not null && !shouldHandle(typed)))
            {
                return false;
            }
            owner.Cell.RunTask(() => _handler(typed));
            return true;
        }
    }
}
