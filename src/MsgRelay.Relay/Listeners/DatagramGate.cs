using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// The state the datagrams of one UDP listener share: the <see cref="DuplicateFilter"/> and the
/// <see cref="ReplyRateLimiter"/>, behind one lock. Each datagram is its own short-lived actor,
/// and asking the listener actor for every check would double the messages per datagram; a lock
/// held for a dictionary lookup is cheaper and keeps the two pure classes unchanged.
/// </summary>
public sealed class DatagramGate
{
    private readonly Lock _lock = new();
    private readonly DuplicateFilter _duplicates;
    private readonly ReplyRateLimiter _replies;

    /// <summary>Creates the gate from the listener settings.</summary>
    public DatagramGate(ListenerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _duplicates = new DuplicateFilter(settings.DuplicateWindow);
        _replies = new ReplyRateLimiter(settings.UdpRepliesPerSecond, settings.UdpReplyBurst);
    }

    /// <inheritdoc cref="DuplicateFilter.Check"/>
    public DuplicateCheck CheckDuplicate(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _duplicates.Check(key, now);
        }
    }

    /// <inheritdoc cref="DuplicateFilter.Complete"/>
    public void CompleteDuplicate(string key, DeliveryOutcome? outcome)
    {
        lock (_lock)
        {
            _duplicates.Complete(key, outcome);
        }
    }

    /// <inheritdoc cref="ReplyRateLimiter.TryAcquire"/>
    public bool TryReply(string address, DateTimeOffset now)
    {
        lock (_lock)
        {
            return _replies.TryAcquire(address, now);
        }
    }
}
