namespace MsgRelay.Actors;

/// <summary>
/// Where undeliverable messages go: each is published as <see cref="DeadLetter"/> and the first
/// few are logged. Runtime bookkeeping (Terminated, stale timer ticks) is dropped quietly.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : IInternalActorRef
{
    private long _count;

    public ActorPath Path { get; } = path;

    /// <summary>Dead letters counted so far (bookkeeping messages excluded).</summary>
    public long Count => Interlocked.Read(ref _count);

    public ActorSystem System { get; } = system;

    public IInternalActorRef? Parent => null;

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender = null) => Deliver(message, sender ?? ActorCell.ImplicitSender, this);

    public void Deliver(object message, IActorRef? sender, IActorRef recipient)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter or Terminated or TerminatedDelivery or TimerMessage or ReceiveTimeoutTick)
        {
            return;
        }
        var senderRef = sender ?? this;
        System.EventStream.Publish(new DeadLetter(message, senderRef, recipient));
        var limit = System.Settings.LogDeadLetters;
        var count = Interlocked.Increment(ref _count);
        if (count <= limit)
        {
            RuntimeLog.DeadLetter(System.Log, message.GetType().Name, senderRef.Path.ToString(), recipient.Path.ToString(), count);
        }
        else if (count == limit + 1)
        {
            RuntimeLog.DeadLettersSuppressed(System.Log, limit);
        }
    }

    public void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch { Watcher: IInternalActorRef watcher })
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
        }
    }

    public IInternalActorRef? GetChild(string name) => null;

    public override string ToString() => Path.ToString();
}
