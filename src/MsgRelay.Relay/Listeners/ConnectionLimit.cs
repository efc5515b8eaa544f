namespace MsgRelay.Relay.Listeners;

/// <summary>
/// The node-wide count of open TCP connections against <c>max-connections</c>, shared by every
/// TCP listener of the node (one limit, several ports). Thread-safe.
/// </summary>
public sealed class ConnectionLimit(int max)
{
    private int _open;

    /// <summary>The limit.</summary>
    public int Max { get; } = max;

    /// <summary>Connections counted now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Counts one more connection unless the limit is reached.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var open = Volatile.Read(ref _open);
            if (open >= Max)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _open, open + 1, open) == open)
            {
                return true;
            }
        }
    }

    /// <summary>Counts one connection less.</summary>
    public void Release() => Interlocked.Decrement(ref _open);
}
