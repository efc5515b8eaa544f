namespace MsgRelay.Actors;

/// <summary>
/// A reference without a mailbox: <see cref="IActorRef.Tell"/> runs its handler at once in the
/// caller's thread. For stateless, thread-safe decisions (routing a message onwards) where a
/// mailbox would add only a thread-pool hand-off per message. Ask works with it through
/// <see cref="System"/>; it cannot be watched and never terminates.
/// </summary>
public interface IInlineActorRef : IActorRef
{
    /// <summary>The system the reference belongs to (its temporary askers live there).</summary>
    ActorSystem System { get; }
}
