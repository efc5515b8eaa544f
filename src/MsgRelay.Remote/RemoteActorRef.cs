using MsgRelay.Actors;

namespace MsgRelay.Remote;

/// <summary>
/// A reference to an actor on another node: Tell serialises the message into an envelope and
/// queues it on the association with that node. Obtain one from <see cref="Remoting.ResolveActorRef"/>;
/// the same path always yields the same instance, so references compare and hash as Akka's do.
/// </summary>
public sealed class RemoteActorRef : IRemoteActorRef, IEquatable<RemoteActorRef>
{
    private readonly Remoting _remoting;

    internal RemoteActorRef(Remoting remoting, Address address, string localPath)
    {
        _remoting = remoting;
        Address = address;
        LocalPath = localPath;
        FullPath = address + localPath;
        var path = ActorPath.CreateRoot(address.System, address.Host, address.Port);
        foreach (var element in localPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path /= element;
        }
        Path = path;
    }

    /// <summary>The node the actor lives on.</summary>
    public Address Address { get; }

    /// <summary>The path on that node, e.g. <c>/user/directory</c>.</summary>
    public string LocalPath { get; }

    /// <summary><c>msgrelay://system@host:port/user/directory</c>.</summary>
    public string FullPath { get; }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <inheritdoc />
    public ActorSystem System => _remoting.System;

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _remoting.Send(this, message, sender);
    }

    /// <inheritdoc />
    public void Watch(IActorRef watcher, Action<bool, bool> onTerminated) =>
        _remoting.Watcher.Tell(new RemoteWatcher.WatchRemoteRef(watcher, this, onTerminated));

    /// <inheritdoc />
    public void Unwatch(IActorRef watcher) => _remoting.Watcher.Tell(new RemoteWatcher.UnwatchRemoteRef(watcher, this));

    /// <inheritdoc />
    public bool Equals(RemoteActorRef? other) => other is not null && other.FullPath == FullPath;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RemoteActorRef);

    /// <inheritdoc />
    public override int GetHashCode() => FullPath.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"RemoteActorRef[{FullPath}]";
}
