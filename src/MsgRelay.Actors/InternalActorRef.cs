namespace MsgRelay.Actors;

/// <summary>What the runtime needs from every reference it creates, beyond <see cref="IActorRef"/>.</summary>
internal interface IInternalActorRef : IActorRef
{
    ActorSystem System { get; }

    IInternalActorRef? Parent { get; }

    bool IsTerminated { get; }

    void SendSystemMessage(SystemMessage message);

    /// <summary>Looks up a child by name for ActorSelection; null when absent.</summary>
    IInternalActorRef? GetChild(string name);
}
