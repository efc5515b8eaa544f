namespace MsgRelay.Actors;

/// <summary>/user and /system: parents of top-level actors, supervising them with the default strategy.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => false;
}

/// <summary>
/// The root: watches /user and /system so the system shuts down in order - user actors first,
/// then system actors, then the root itself.
/// </summary>
internal sealed class RootGuardianActor(ActorCell user, ActorCell systemGuardian) : ActorBase
{
    protected override void PreStart()
    {
        Context.Watch(user);
        Context.Watch(systemGuardian);
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override bool Receive(object message)
    {
        if (message is not Terminated terminated)
        {
            return false;
        }
        if (ReferenceEquals(terminated.ActorRef, user))
        {
            Context.Stop(systemGuardian);
        }
        else if (ReferenceEquals(terminated.ActorRef, systemGuardian))
        {
            Context.Stop(Self);
        }
        return true;
    }
}

/// <summary>The root's parent: not an actor, it turns the root's termination into the system's.</summary>
internal sealed class RootParent(ActorSystem system, ActorPath path) : IInternalActorRef
{
    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public IInternalActorRef? Parent => null;

    public bool IsTerminated => false;

    public void Tell(object message, IActorRef? sender = null)
    {
    }

    public void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case ChildTerminated:
                System.OnRootTerminated();
                break;
            case Failed failed:
                ((IInternalActorRef)failed.Child).SendSystemMessage(new Terminate());
                break;
        }
    }

    public IInternalActorRef? GetChild(string name) => null;
}
