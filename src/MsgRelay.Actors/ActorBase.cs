namespace MsgRelay.Actors;

/// <summary>
/// Base of every actor. Instances are created by the runtime from <see cref="Props"/>, never
/// with <c>new</c> directly. The context is held per instance: it stays valid in async handlers
/// because the mailbox is suspended until they finish.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;

    /// <summary>Binds the instance to the cell that is creating it.</summary>
    protected ActorBase()
    {
        // The cell announces itself only for the duration of the Props factory call, so an
        // actor created with `new` outside Props fails here instead of later with a null context.
        _cell = ActorCell.Constructing ?? throw new ActorInitializationException(
            $"Do not create actor {GetType().Name} with 'new'; use system.ActorOf(Props.Create(() => new {GetType().Name}(...))).");
        if (this is IWithTimers withTimers)
        {
            TimerScheduler = new TimerScheduler(_cell);
            withTimers.Timers = TimerScheduler;
        }
        if (this is IWithStash withStash)
        {
            ActorStash = new ActorStash(_cell);
            withStash.Stash = ActorStash;
        }
    }

    /// <summary>This actor.</summary>
    protected IActorRef Self => _cell;

    /// <summary>Sender of the message being processed.</summary>
    protected IActorRef Sender => _cell.Sender;

    /// <summary>This actor's context.</summary>
    protected IActorContext Context => _cell;

    internal TimerScheduler? TimerScheduler { get; }

    internal ActorStash? ActorStash { get; }

    /// <summary>Handles a message; returns false when the message is not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>Called once the actor is started, before its first message.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor has stopped (and on the old instance before a restart).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>On the failed instance before a restart; by default stops all children and calls PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }
        PostStop();
    }

    /// <summary>On the fresh instance after a restart; by default calls PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>How failures of this actor's children are handled.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// Called for messages the behaviour did not handle: publishes <see cref="UnhandledMessage"/>,
    /// or throws <see cref="DeathPactException"/> for an unhandled <see cref="Terminated"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException($"Monitored actor {terminated.ActorRef.Path} terminated") { DeadActor = terminated.ActorRef };
        }
        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive) => _cell.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    /// <summary>Pops a behaviour.</summary>
    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    internal bool InvokeReceive(object message) => Receive(message);

    internal void InvokeUnhandled(object message) => Unhandled(message);

    internal void InvokePreStart() => PreStart();

    internal void InvokePostStop() => PostStop();

    internal void InvokePreRestart(Exception reason, object? message) => PreRestart(reason, message);

    internal void InvokePostRestart(Exception reason) => PostRestart(reason);

    internal SupervisorStrategy InvokeSupervisorStrategy() => SupervisorStrategy();
}
