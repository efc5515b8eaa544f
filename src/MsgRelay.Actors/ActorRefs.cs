namespace MsgRelay.Actors;

/// <summary>Well-known references that are not actors.</summary>
public static class ActorRefs
{
    /// <summary>A reference that never exists: messages to it are dropped, watching it yields Terminated.</summary>
    public static readonly IActorRef Nobody = new NobodyRef();

    /// <summary>Pass as sender when there is none; the receiver then sees dead letters as its Sender.</summary>
    public static readonly IActorRef? NoSender;

    private sealed class NobodyRef : IInternalActorRef
    {
        public ActorPath Path { get; } = ActorPath.CreateRoot("all-systems").Child("Nobody");

        public ActorSystem System => throw new NotSupportedException("Nobody belongs to no actor system.");

        public IInternalActorRef? Parent => null;

        public bool IsTerminated => true;

        public void Tell(object message, IActorRef? sender = null)
        {
        }

        public void SendSystemMessage(SystemMessage message)
        {
            if (message is Watch watch && watch.Watcher is IInternalActorRef watcher)
            {
                watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: false));
            }
        }

        public IInternalActorRef? GetChild(string name) => null;

        public override string ToString() => "Nobody";
    }
}
