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

        // The last message type and the first handler whose type test accepts it. A type test
        // depends only on the message's runtime type, so for another message of that type the
        // handlers before it cannot match and it needs no second test: the common case (one
        // type after another handled by the same handler) costs one GetType and one call.
        private Type? _lastType;
        private int _lastFirst;

        public void Add(Handler handler)
        {
            Array.Resize(ref _handlers, _handlers.Length + 1);
            _handlers[^1] = handler;
            _lastType = null;
        }

        public bool Handle(object message)
        {
            var handlers = _handlers;
            var type = message.GetType();
            int first;
            if (ReferenceEquals(type, _lastType))
            {
                first = _lastFirst;
            }
            else
            {
                first = 0;
                while (first < handlers.Length && !handlers[first].Accepts(message))
                {
                    first++;
                }
                (_lastType, _lastFirst) = (type, first);
            }
            if (first >= handlers.Length)
            {
                return false;
            }
            if (handlers[first].HandleAccepted(message, owner))
            {
                return true;
            }
            // Its predicate declined: later handlers get their chance, first match wins as ever.
            for (var i = first + 1; i < handlers.Length; i++)
            {
                if (handlers[i].TryHandle(message, owner))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private abstract class Handler
    {
        /// <summary>Whether the handler's type test accepts the message (its predicate aside).</summary>
        public abstract bool Accepts(object message);

        public abstract bool TryHandle(object message, ReceiveActor owner);

        /// <summary>Handles a message <see cref="Accepts"/> returned true for (same runtime type), if the predicate holds.</summary>
        public abstract bool HandleAccepted(object message, ReceiveActor owner);
    }

    /// <summary>
    /// The type test on the hot path. An exact match is a method-table compare on a field; `is T`
    /// in shared generic code needs a runtime cast helper, so it is only the fallback for
    /// subclasses, interfaces and value types.
    /// </summary>
    private abstract class TypedHandler<T>(Predicate<T>? shouldHandle) : Handler
    {
        private readonly Type _type = typeof(T);
        private readonly bool _exactOnly = typeof(T).IsSealed && !typeof(T).IsValueType;
        private readonly bool _isReference = !typeof(T).IsValueType;

        public sealed override bool Accepts(object message) => IsT(message, out _);

        /// <summary>The type test and the predicate.</summary>
        protected bool Matches(object message, out T typed) => IsT(message, out typed) && Wants(typed);

        /// <summary>The predicate alone, for a message already known to be a T.</summary>
        protected bool Wants(T typed) => shouldHandle is null || shouldHandle(typed);

        /// <summary>A message <see cref="Accepts"/> returned true for, as a T.</summary>
        protected T Cast(object message) => _isReference ? Unsafe.As<object, T>(ref message) : (T)message;

        private bool IsT(object message, out T typed)
        {
            if (_isReference && message.GetType() == _type)
            {
                typed = Unsafe.As<object, T>(ref message);
                return true;
            }
            if (_exactOnly || message is not T cast)
            {
                typed = default!;
                return false;
            }
            typed = cast;
            return true;
        }
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : TypedHandler<T>(shouldHandle)
    {
        private readonly Action<T> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

        public override bool TryHandle(object message, ReceiveActor owner)
        {
            if (!Matches(message, out var typed))
            {
                return false;
            }
            _handler(typed);
            return true;
        }

        public override bool HandleAccepted(object message, ReceiveActor owner)
        {
            var typed = Cast(message);
            if (!Wants(typed))
            {
                return false;
            }
            _handler(typed);
            return true;
        }
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : TypedHandler<T>(shouldHandle)
    {
        private readonly Func<T, Task> _handler = handler ?? throw new ArgumentNullException(nameof(handler));

        public override bool TryHandle(object message, ReceiveActor owner)
        {
            if (!Matches(message, out var typed))
            {
                return false;
            }
            owner.Cell.RunTask(() => _handler(typed));
            return true;
        }

        public override bool HandleAccepted(object message, ReceiveActor owner)
        {
            var typed = Cast(message);
            if (!Wants(typed))
            {
                return false;
            }
            owner.Cell.RunTask(() => _handler(typed));
            return true;
        }
    }
}
