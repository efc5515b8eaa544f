namespace MsgRelay.Actors;

/// <summary>
/// System-wide publish/subscribe by message type: a subscriber to a type receives every event
/// that is an instance of it (base classes and interfaces included). Stopped subscribers are
/// dropped on the next publish.
/// </summary>
public sealed class EventStream
{
    // Copy-on-write: publishing (frequent, any thread) reads a snapshot without locking.
    private (Type Channel, IActorRef Subscriber)[] _subscriptions = [];
    private readonly Lock _gate = new();

    /// <summary>Subscribes; returns false when this exact subscription already exists.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (_subscriptions.Any(s => s.Channel == channel && ReferenceEquals(s.Subscriber, subscriber)))
            {
                return false;
            }
            _subscriptions = [.. _subscriptions, (channel, subscriber)];
            return true;
        }
    }

    /// <summary>Removes one subscription; returns whether it existed.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            var before = _subscriptions.Length;
            _subscriptions = [.. _subscriptions.Where(s => !(s.Channel == channel && ReferenceEquals(s.Subscriber, subscriber)))];
            return _subscriptions.Length != before;
        }
    }

    /// <summary>Removes every subscription of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber)
    {
        lock (_gate)
        {
            var before = _subscriptions.Length;
            _subscriptions = [.. _subscriptions.Where(s => !ReferenceEquals(s.Subscriber, subscriber))];
            return _subscriptions.Length != before;
        }
    }

    /// <summary>Sends <paramref name="event"/> to every subscriber of a matching type.</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var snapshot = Volatile.Read(ref _subscriptions);
        var type = @event.GetType();
        foreach (var (channel, subscriber) in snapshot)
        {
            if (!channel.IsAssignableFrom(type))
            {
                continue;
            }
            if (subscriber is IInternalActorRef { IsTerminated: true })
            {
                Unsubscribe(subscriber);
                continue;
            }
            subscriber.Tell(@event);
        }
    }
}
