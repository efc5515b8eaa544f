namespace MsgRelay.Actors;

/// <summary>
/// An ordinary message that stops the actor once it reaches it, i.e. after the messages
/// queued before it.
/// </summary>
public sealed class PoisonPill
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();
}

/// <summary>Makes the actor throw <see cref="ActorKilledException"/>; its supervisor decides (default: stop).</summary>
public sealed class Kill
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();
}

/// <summary>Marker for messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Sent to an actor that set a receive timeout and received nothing for that long.</summary>
public sealed class ReceiveTimeout : INotInfluenceReceiveTimeout
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();
}

/// <summary>Delivered (once) to a watcher when a watched actor has stopped.</summary>
/// <param name="ActorRef">The actor that stopped.</param>
/// <param name="ExistenceConfirmed">False when the actor was already unknown when watched.</param>
/// <param name="AddressTerminated">True when the actor's node became unreachable (remote only).</param>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed = true, bool AddressTerminated = false);

/// <summary>Every actor answers this with <see cref="ActorIdentity"/>.</summary>
public sealed record Identify(object? MessageId);

/// <summary>Reply to <see cref="Identify"/>; Subject is null when nobody lives at the target.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Published on the event stream when an actor did not handle a message.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);

/// <summary>Published on the event stream when a message could not be delivered.</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);

/// <summary>Conventional success/failure replies (used by Ask and PipeTo).</summary>
public static class Status
{
    /// <summary>A successful outcome, optionally carrying a value.</summary>
    public sealed record Success(object? Value);

    /// <summary>A failed outcome; Ask rethrows <paramref name="Cause"/>.</summary>
    public sealed record Failure(Exception Cause);
}
