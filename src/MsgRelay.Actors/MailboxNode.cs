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
    // so the pools stay balanced; the limit bounds what an idle thread holds on to. One
    // thread-static object rather than two thread-static fields: each thread-static access costs
    // a TLS lookup, and Rent and Return run once per message. An array rather than a list linked
    // through Next: a push is one reference store (one write barrier) and a pop none, where the
    // linked list needed three barriers per message and a load from the popped node.
    [ThreadStatic]
    private static Pool? t_pool;

    public object? Message = message;
    public IActorRef? Sender = sender;
    public MailboxNode? Next;

    public static MailboxNode Rent(object message, IActorRef? sender)
    {
        var pool = t_pool;
        if (pool is null || pool.Count == 0)
        {
            return new MailboxNode(message, sender);
        }
        var index = --pool.Count;
        var node = pool.Items[index]!;
        pool.Items[index] = null;
        node.Message = message;
        node.Sender = sender;
        return node;
    }

    /// <summary>This thread's pool, for a turn that returns a node per message it takes.</summary>
    public static Pool LocalPool => t_pool ??= new Pool();

    /// <summary>
    /// Returns a node no producer or consumer can reach any more to this thread's
    /// <paramref name="pool"/>. Its message and sender are already cleared: it was the queue's stub.
    /// </summary>
    public static void Return(MailboxNode node, Pool pool)
    {
        if (pool.Count >= PoolLimit)
        {
            return;
        }
        node.Next = null;
        pool.Items[pool.Count++] = node;
    }

    internal sealed class Pool
    {
        public readonly MailboxNode?[] Items = new MailboxNode?[PoolLimit];
        public int Count;
    }
}
