namespace MsgRelay.Actors;

/// <summary>Death watch: who this actor watches and who watches it.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (ReferenceEquals(subject, this))
        {
            return subject;
        }
        _watching ??= new HashSet<IActorRef>(ReferenceEqualityComparer.Instance);
        if (_watching.Add(subject))
        {
            if (subject is IInternalActorRef target)
            {
                target.SendSystemMessage(new Watch(subject, this));
            }
            else if (subject is IRemoteActorRef remote)
            {
                remote.Watch(this, (existenceConfirmed, addressTerminated) =>
                    SendSystemMessage(new DeathWatchNotification(remote, existenceConfirmed, addressTerminated)));
            }
            else
            {
                SendSystemMessage(new DeathWatchNotification(subject, ExistenceConfirmed: false));
            }
        }
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject))
        {
            SendUnwatch(subject);
        }
        return subject;
    }

    private void AddWatcher(IActorRef watcher)
    {
        if (ReferenceEquals(watcher, this))
        {
            return;
        }
        (_watchedBy ??= new HashSet<IActorRef>(ReferenceEqualityComparer.Instance)).Add(watcher);
    }

    private void RemoveWatcher(IActorRef watcher) => _watchedBy?.Remove(watcher);

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        if (_watching is not null && _watching.Contains(notification.Actor))
        {
            // Queued behind the user messages so it never interleaves with a running handler.
            Tell(new TerminatedDelivery(new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated)));
        }
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is not null)
        {
            foreach (var watcher in _watchedBy)
            {
                (watcher as IInternalActorRef)?.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
            }
            _watchedBy = null;
        }
        if (_watching is not null)
        {
            foreach (var watched in _watching)
            {
                SendUnwatch(watched);
            }
            _watching = null;
        }
    }

    private void SendUnwatch(IActorRef watched)
    {
        if (watched is IInternalActorRef target)
        {
            target.SendSystemMessage(new Unwatch(watched, this));
        }
        else if (watched is IRemoteActorRef remote)
        {
            remote.Unwatch(this);
        }
    }
}
