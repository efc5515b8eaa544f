using MsgRelay.Actors;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Remote;

/// <summary>
/// Death watch across nodes (Akka's RemoteWatcher), one per node. Watching side: remembers which
/// local actors watch which remote ones (<c>Context.Watch(remoteRef)</c> ends up here) and asks the
/// remote node's watcher to watch locally; reports the end to the watcher's cell, which delivers
/// <see cref="Terminated"/>, when that node reports the stop, or with AddressTerminated when the
/// cluster says the node is gone. Watched side: watches the local actor on behalf of
/// remote watchers and reports its stop to their nodes.
/// </summary>
internal sealed partial class RemoteWatcher : ReceiveActor
{
    private readonly Remoting _remoting;
    private readonly Dictionary<RemoteActorRef, Dictionary<IActorRef, Action<bool, bool>>> _watching = [];
    private readonly Dictionary<IActorRef, HashSet<string>> _watchedBy = [];

    public RemoteWatcher(Remoting remoting)
    {
        _remoting = remoting;
        Receive<WatchRemoteRef>(OnWatchRemoteRef);
        Receive<UnwatchRemoteRef>(OnUnwatchRemoteRef);
        Receive<AddressTerminated>(OnAddressTerminated);
        Receive<WatchRemote>(OnWatchRemote);
        Receive<UnwatchRemote>(OnUnwatchRemote);
        Receive<WatcheeTerminated>(OnWatcheeTerminated);
        Receive<Terminated>(OnLocalTerminated);
    }

    private void OnWatchRemoteRef(WatchRemoteRef watch)
    {
        if (!_watching.TryGetValue(watch.Watchee, out var watchers))
        {
            _watching[watch.Watchee] = watchers = new(ReferenceEqualityComparer.Instance);
        }
        if (watchers.TryAdd(watch.Watcher, watch.OnTerminated))
        {
            PeerWatcher(watch.Watchee.Address).Tell(new WatchRemote { Watchee = watch.Watchee.LocalPath, Watcher = _remoting.FullPathOf(watch.Watcher) }, Self);
        }
    }

    private void OnUnwatchRemoteRef(UnwatchRemoteRef unwatch)
    {
        if (_watching.TryGetValue(unwatch.Watchee, out var watchers) && watchers.Remove(unwatch.Watcher))
        {
            if (watchers.Count == 0)
            {
                _watching.Remove(unwatch.Watchee);
            }
            PeerWatcher(unwatch.Watchee.Address).Tell(new UnwatchRemote { Watchee = unwatch.Watchee.LocalPath, Watcher = _remoting.FullPathOf(unwatch.Watcher) }, Self);
        }
    }

    private void OnAddressTerminated(AddressTerminated terminated)
    {
        foreach (var watchee in _watching.Keys.Where(w => w.Address == terminated.Address).ToList())
        {
            foreach (var onTerminated in _watching[watchee].Values)
            {
                onTerminated(true, true);
            }
            _watching.Remove(watchee);
        }
        var prefix = terminated.Address.ToString() + "/";
        foreach (var watchers in _watchedBy.Values)
        {
            watchers.RemoveWhere(w => w.StartsWith(prefix, StringComparison.Ordinal));
        }
    }

    private void OnWatchRemote(WatchRemote watch)
    {
        var watchee = _remoting.ResolveActorRef(_remoting.LocalAddress.Address + watch.Watchee);
        if (watchee is RemoteActorRef || ReferenceEquals(watchee, Context.System.DeadLetters))
        {
            Sender.Tell(new WatcheeTerminated { Watchee = _remoting.LocalAddress.Address + watch.Watchee, Watcher = watch.Watcher, ExistenceConfirmed = false }, Self);
            return;
        }
        if (!_watchedBy.TryGetValue(watchee, out var watchers))
        {
            _watchedBy[watchee] = watchers = [];
            Context.Watch(watchee);
        }
        watchers.Add(watch.Watcher);
    }

    private void OnUnwatchRemote(UnwatchRemote unwatch)
    {
        var watchee = _watchedBy.Keys.FirstOrDefault(w => w.Path.ToStringWithoutAddress() == unwatch.Watchee);
        if (watchee is not null && _watchedBy[watchee].Remove(unwatch.Watcher) && _watchedBy[watchee].Count == 0)
        {
            _watchedBy.Remove(watchee);
            Context.Unwatch(watchee);
        }
    }

    private void OnLocalTerminated(Terminated terminated)
    {
        if (!_watchedBy.Remove(terminated.ActorRef, out var watchers))
        {
            return;
        }
        var watcheePath = _remoting.FullPathOf(terminated.ActorRef);
        foreach (var watcher in watchers)
        {
            if (Address.TryParse(watcher, out var address, out _))
            {
                PeerWatcher(address).Tell(new WatcheeTerminated { Watchee = watcheePath, Watcher = watcher, ExistenceConfirmed = terminated.ExistenceConfirmed }, Self);
            }
        }
    }

    private void OnWatcheeTerminated(WatcheeTerminated terminated)
    {
        if (_remoting.ResolveActorRef(terminated.Watchee) is not RemoteActorRef watchee || !_watching.TryGetValue(watchee, out var watchers))
        {
            return;
        }
        var watcher = watchers.Keys.FirstOrDefault(w => _remoting.FullPathOf(w) == terminated.Watcher);
        if (watcher is null || !watchers.Remove(watcher, out var onTerminated))
        {
            return;
        }
        if (watchers.Count == 0)
        {
            _watching.Remove(watchee);
        }
        onTerminated(terminated.ExistenceConfirmed, false);
    }

    private RemoteActorRef PeerWatcher(Address address) => _remoting.RemoteRef(address, Remoting.WatcherPath);
}
