using System.Collections.Concurrent;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// The open connections to one next hop, at most <c>pool-size</c> of them: a message takes an idle
/// connection (or opens one when the pool has room, else waits for one), and gives it back after its
/// answer. A reused connection that turns out dead at RSET is replaced once, because nothing of the
/// message has been sent on it yet.
/// </summary>
internal sealed class RwpConnectionPool : IAsyncDisposable
{
    private readonly NextHop _hop;
    private readonly TimeSpan _connectTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<RwpClientConnection> _idle = [];
    private volatile bool _disposed;

    public RwpConnectionPool(NextHop hop, int size, TimeSpan connectTimeout)
    {
        _hop = hop;
        _connectTimeout = connectTimeout;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Connections open and waiting for a message.</summary>
    public int IdleCount => _idle.Count;

    public async Task<HopAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        RwpClientConnection? connection = null;
        try
        {
            if (_idle.TryTake(out var idle))
            {
                if (await idle.TryResetAsync(cancellationToken).ConfigureAwait(false))
                {
                    connection = idle;
                }
                else
                {
                    await idle.DisposeAsync().ConfigureAwait(false);
                }
            }

            connection ??= await RwpClientConnection.OpenAsync(_hop, _connectTimeout, cancellationToken).ConfigureAwait(false);
            var answer = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (connection.IsUsable && !_disposed)
            {
                _idle.Add(connection);
                connection = null;
            }

            return answer;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
