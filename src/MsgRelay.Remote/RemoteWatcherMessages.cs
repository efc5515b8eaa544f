using MsgRelay.Actors;

namespace MsgRelay.Remote;

internal sealed partial class RemoteWatcher
{
    /// <summary>A local watcher starts watching a remote actor; <paramref name="OnTerminated"/> (existence confirmed, address terminated) reports the end.</summary>
    public sealed record WatchRemoteRef(IActorRef Watcher, RemoteActorRef Watchee, Action<bool, bool> OnTerminated);

    /// <summary>A local watcher stops watching a remote actor.</summary>
    public sealed record UnwatchRemoteRef(IActorRef Watcher, RemoteActorRef Watchee);

    /// <summary>The cluster removed (or downed) the node at this address.</summary>
    public sealed record AddressTerminated(Address Address);
}
