namespace MsgRelay.Actors;

/// <summary>
/// An immutable, thread-safe handle to an actor: the only way to talk to it. Messages sent
/// from one sender to one receiver arrive in the order they were sent.
/// </summary>
public interface IActorRef
{
    /// <summary>Where the actor lives.</summary>
    ActorPath Path { get; }

    /// <summary>Sends a message without waiting (fire and forget).</summary>
    /// <param name="message">Any non-null object; immutable records are the norm.</param>
    /// <param name="sender">Who the receiver sees as <c>Sender</c>; null means no sender (dead letters).</param>
    void Tell(object message, IActorRef? sender = null);
}
