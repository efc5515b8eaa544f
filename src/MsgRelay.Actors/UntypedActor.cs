namespace MsgRelay.Actors;

/// <summary>An actor with one OnReceive method; call Unhandled yourself for messages you ignore.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>Handles every message.</summary>
    protected abstract void OnReceive(object message);

    /// <inheritdoc />
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }
}
