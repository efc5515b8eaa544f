namespace MsgRelay.Actors;

/// <summary>
/// The temporary reply address of one Ask: completes its task with the first message and
/// unregisters itself; later messages go to dead letters.
/// </summary>
internal sealed class PromiseActorRef : IInternalActorRef
{
    private readonly TempContainer _container;
    private readonly TaskCompletionSource<object> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PromiseActorRef(TempContainer container)
    {
        _container = container;
        Path = container.NextPath();
        container.Register(this);
    }

    public ActorPath Path { get; }

    public ActorSystem System => _container.System;

    public IInternalActorRef? Parent => _container;

    public bool IsTerminated => _completion.Task.IsCompleted;

    public Task<object> Task => _completion.Task;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        sender ??= ActorCell.ImplicitSender;
        if (_completion.TrySetResult(message))
        {
            _container.Unregister(this);
        }
        else
        {
            System.DeadLetterRef.Deliver(message, sender, this);
        }
    }

    /// <summary>Gives up (timeout or cancellation) and frees the temp path.</summary>
    public void Abandon()
    {
        _completion.TrySetCanceled();
        _container.Unregister(this);
    }

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Watch { Watcher: IInternalActorRef watcher } when IsTerminated:
                watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
                break;
            case DeathWatchNotification notification:
                // Used by GracefulStop: the promise watches the actor and completes on its death.
                if (_completion.TrySetResult(new Terminated(notification.Actor, notification.ExistenceConfirmed)))
                {
                    _container.Unregister(this);
                }
                break;
        }
    }

    public IInternalActorRef? GetChild(string name) => null;

    public override string ToString() => Path.ToString();
}
