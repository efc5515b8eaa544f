using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors;

/// <summary>
/// One live actor: its reference, context, mailbox and runtime state in a single object, so an
/// idle actor costs this object, its path and its actor instance (its mailbox holds no segment).
/// Everything except Tell/SendSystemMessage (and the children lock) runs on the mailbox's turn,
/// one thread at a time, which is why most fields need no synchronisation.
/// </summary>
internal sealed partial class ActorCell : IInternalActorRef, IActorContext
{
    [ThreadStatic]
    private static ActorCell? t_constructing;

    // Akka's implicit sender: a Tell without a sender from inside an actor is sent as from that
    // actor. This ambient is only the sender default; the context itself is per instance.
    [ThreadStatic]
    private static ActorCell? t_running;

    public ActorCell(ActorSystem system, Props props, IInternalActorRef parent, ActorPath path)
    {
        _system = system;
        _props = props;
        _parent = parent;
        _path = path;
    }

    [Flags]
    private enum CellState : byte
    {
        None = 0,
        Failed = 1,
        Terminating = 2,
        AwaitingRecreate = 4,
    }

    /// <summary>The cell whose Props factory is running on this thread (read by ActorBase's constructor).</summary>
    internal static ActorCell? Constructing => t_constructing;

    /// <summary>The actor running on this thread, used as the sender when Tell is given none.</summary>
    internal static ActorCell? ImplicitSender => t_running;

    public ActorPath Path => _path;

    public ActorSystem System => _system;

    IInternalActorRef? IInternalActorRef.Parent => _parent;

    public bool IsTerminated => IsClosed;

    public IActorRef Self => this;

    public IActorRef Sender => _currentSender ?? _system.DeadLetters;

    public IActorRef Parent => _parent;

    public Props Props => _props;

    internal ActorBase? Actor => _actor;

    internal object? CurrentMessage => _currentMessage;

    internal IActorRef? CurrentSender => _currentSender;

    public void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        if (_behaviorStack is null || _behaviorStack.Count == 0)
        {
            (_behaviorStack ??= []).Add(receive);
        }
        else
        {
            _behaviorStack[^1] = receive;
        }
    }

    public void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviorStack ??= []).Add(receive);
    }

    public void UnbecomeStacked()
    {
        if (_behaviorStack is { Count: > 0 })
        {
            _behaviorStack.RemoveAt(_behaviorStack.Count - 1);
        }
    }

    public void Unbecome() => UnbecomeStacked();

    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(_system, this, path);

    public ILogger GetLogger() => new ActorLogger(_system.LoggerFactory.CreateLogger(_props.ActorType.FullName ?? _props.ActorType.Name), Path);

    private ActorBase NewActor()
    {
        _behaviorStack = null;
        var previous = t_constructing;
        t_constructing = this;
        try
        {
            return _props.Factory();
        }
        finally
        {
            t_constructing = previous;
        }
    }

    /// <summary>Feeds one message to the current behaviour.</summary>
    private void ReceiveMessage(object message)
    {
        var actor = _actor!;
        var handled = _behaviorStack is { Count: > 0 } stack ? stack[^1](message) : actor.InvokeReceive(message);
        if (!handled)
        {
            actor.InvokeUnhandled(message);
        }
    }

    /// <summary>
    /// Called by async handlers: a pending task suspends the whole mailbox until it completes, so
    /// the actor's state, Sender and Self are not touched by anything else meanwhile.
    /// </summary>
    internal void RunTask(Func<Task> handler)
    {
        // Continuations of the handler's awaits run through this context, so they see this
        // actor as the implicit sender too.
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(_asyncContext ??= new ActorSynchronizationContext(this));
        Task task;
        try
        {
            task = handler();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }
        _pendingTask = task;
        task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(TrySchedule);
    }

    public override string ToString() => Path.ToString();

    private sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
    {
        private readonly ActorCell _cell = cell;

        public override void Post(SendOrPostCallback d, object? state) =>
            ThreadPool.UnsafeQueueUserWorkItem(static s =>
            {
                var (context, callback, callbackState) = s;
                var previous = t_running;
                var previousContext = Current;
                t_running = context._cell;
                // Later awaits in the same handler capture this context again.
                SetSynchronizationContext(context);
                try
                {
                    callback(callbackState);
                }
                finally
                {
                    SetSynchronizationContext(previousContext);
                    t_running = previous;
                }
            }, (this, d, state), preferLocal: false);

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public override SynchronizationContext CreateCopy() => this;
    }
}
