namespace MsgRelay.Actors;

/// <summary>
/// Runtime-internal messages, processed before any user message. They form an intrusive
/// linked list (<see cref="Next"/>) so an idle actor's system queue costs one null field.
/// </summary>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

internal sealed class Create : SystemMessage;

internal sealed class Terminate : SystemMessage;

internal sealed class Resume : SystemMessage;

internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

internal sealed class Failed(IActorRef child, Exception cause) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;
}

internal sealed class Watch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}

internal sealed class Unwatch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}

internal sealed class DeathWatchNotification(IActorRef actor, bool ExistenceConfirmed, bool AddressTerminated = false) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = ExistenceConfirmed;

    /// <summary>The actor's node is gone (remote death watch), rather than the actor having stopped.</summary>
    public bool AddressTerminated { get; } = AddressTerminated;
}

internal sealed class ChildTerminated(IActorRef child) : SystemMessage
{
    public IActorRef Child { get; } = child;
}
