namespace MsgRelay.Actors;

/// <summary>A message and its sender, as stashed and unstashed.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);

/// <summary>
/// A node of the mailbox's multi-producer single-consumer queue. After being dequeued a node
/// becomes the queue's stub, so an empty queue holds exactly one node.
/// </summary>
internal sealed class MailboxNode(object? message, IActorRef? sender)
{
    private const int PoolLimit = 256;

    // Nodes are recycled per thread: a busy actor system otherwise allocates one node per
    // message, and the nodes of long queues survive into gen1. Threads both send and process,
    // so the pools stay balanced; the limit bounds what an idle thread holds on to.
    [ThreadStatic]
    private static MailboxNode? t_pool;

    [ThreadStatic]
    private static int t_pooled;

    public object? Message = message;
    public IActorRef? Sender = sender;
    public MailboxNode? Next;

    public static MailboxNode Rent(object message, IActorRef? sender)
    {
        var node = t_pool;
        if (node is null)
        {
            return new MailboxNode(message, sender);
        }
        t_pool = node.Next;
        t_pooled--;
        node.Next = null;
        node.Message = message;
        node.Sender = sender;
        return node;
    }

    /// <summary>Returns a node no producer or consumer can reach any more.</summary>
    public static void Return(MailboxNode node)
    {
        if (t_pooled >= PoolLimit)
        {
            return;
        }
        node.Message = null;
        node.Sender = null;
        node.Next = t_pool;
        t_pool = node;
        t_pooled++;
    }
}
