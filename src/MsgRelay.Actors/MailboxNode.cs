namespace MsgRelay.Actors;

/// <summary>A message and its sender, as stashed and unstashed.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);

/// <summary>
/// A node of the mailbox's multi-producer single-consumer queue. After being dequeued a node
/// becomes the queue's stub, so an empty queue holds exactly one node.
/// </summary>
internal sealed class MailboxNode(object? message, IActorRef? sender)
{
    public object? Message = message;
    public IActorRef? Sender = sender;
    public MailboxNode? Next;
}
