using System.Collections.Concurrent;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// The Forwarder's RWP client: one bounded connection pool per next hop, connections kept open and
/// reused with RSET between messages (PROTOCOLS.md section 4).
/// </summary>
public sealed class RwpHopClient : IHopClient, IAsyncDisposable
{
    private readonly ConcurrentDictionary<NextHop, RwpConnectionPool> _pools = new();
    private readonly int _poolSize;
    private readonly TimeSpan _connectTimeout;

    /// <summary>Creates the client with at most <paramref name="poolSize"/> connections per next hop.</summary>
    public RwpHopClient(int poolSize, TimeSpan connectTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        _poolSize = poolSize;
        _connectTimeout = connectTimeout;
    }

    /// <summary>Creates the client from the forwarder settings.</summary>
    public RwpHopClient(ForwarderSettings settings) : this(Check(settings).PoolSize, settings.ConnectTimeout)
    {
    }

    /// <summary>Idle open connections to <paramref name="hop"/> (for tests and metrics).</summary>
    public int IdleConnections(NextHop hop) => _pools.TryGetValue(hop, out var pool) ? pool.IdleCount : 0;

    /// <inheritdoc />
    public Task<HopAnswer> SendAsync(NextHop hop, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hop);
        ArgumentNullException.ThrowIfNull(message);
        return _pools.GetOrAdd(hop, h => new RwpConnectionPool(h, _poolSize, _connectTimeout)).SendAsync(message, cancellationToken);
    }

    /// <summary>Closes the idle connections.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var pool in _pools.Values)
        {
            await pool.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ForwarderSettings Check(ForwarderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings;
    }
}
