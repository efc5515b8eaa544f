namespace MsgRelay.Actors;

/// <summary>
/// A reference to an actor on another node, implemented by remoting (MsgRelay.Remote's
/// RemoteActorRef). The runtime delegates death watch to it and asks through its system.
/// </summary>
public interface IRemoteActorRef : IActorRef
{
    /// <summary>The local system through which the remote actor is reached.</summary>
    ActorSystem System { get; }

    /// <summary>
    /// Starts watching on behalf of <paramref name="watcher"/>: <paramref name="onTerminated"/>
    /// (existence confirmed, address terminated) is called once when the actor stops or its node is gone.
    /// </summary>
    void Watch(IActorRef watcher, Action<bool, bool> onTerminated);

    /// <summary>Stops watching on behalf of <paramref name="watcher"/>.</summary>
    void Unwatch(IActorRef watcher);
}

/// <summary>Turns full paths (<c>msgrelay://system@host:port/user/x</c>) into references; installed by remoting.</summary>
public interface IRemoteActorRefProvider
{
    /// <summary>A local reference when the address is this node's, otherwise a remote one.</summary>
    IActorRef ResolveActorRef(string pathWithAddress);
}
