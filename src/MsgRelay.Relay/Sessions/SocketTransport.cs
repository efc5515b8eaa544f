using System.Buffers;
using System.Net.Sockets;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// <see cref="IConnectionTransport"/> over an accepted TCP socket. A receive pump (a task, outside
/// the actor) reads and tells the owner, waiting only while paused; writes are queued and sent in order by whichever thread
/// finds the queue idle, so the usual small reply leaves synchronously from the actor's own call.
/// </summary>
public sealed class SocketTransport : IConnectionTransport
{
    // A client that stops reading must not make the relay hold its answers forever.
    private const int MaxQueuedBytes = 256 * 1024;
    // Receives go straight into a small buffer of the connection's own: big enough for an MSP
    // message, an RWP line or an agent's ACK, small enough that 10,000 idle sessions hardly notice.
    // A read that fills it means more is waiting, so the next reads borrow a large buffer until one
    // comes back short.
    private const int SmallReceiveBufferSize = 512;
    private const int LargeReceiveBufferSize = 16 * 1024;

    private readonly Socket _socket;
    private readonly SemaphoreSlim _resume = new(0, 1);
    private readonly Queue<ReadOnlyMemory<byte>> _queue = new();
    private readonly Lock _gate = new();
    private IActorRef _owner = ActorRefs.Nobody;
    private volatile bool _paused;
    private int _queuedBytes;
    private bool _sending;
    private bool _closeRequested;
    private bool _closed;

    /// <summary>Wraps an accepted socket; the transport owns it from now on.</summary>
    public SocketTransport(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
        (PeerHost, PeerEndpoint) = SocketPeer.Describe(socket);
        try
        {
            // Replies are written whole, each in one call: Nagle would only delay them.
            _socket.NoDelay = true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset between accept and here: the first read reports it; nothing to fail over.
        }
    }

    /// <inheritdoc/>
    public string PeerHost { get; }

    /// <inheritdoc/>
    public string PeerEndpoint { get; }

    /// <inheritdoc/>
    public void Start(IActorRef owner)
    {
        _owner = owner;
        _ = Task.Run(ReceiveLoopAsync);
    }

    /// <inheritdoc/>
    public void PauseReading() => _paused = true;

    /// <inheritdoc/>
    public void ResumeReading()
    {
        if (_paused)
        {
            _paused = false;
            WakeReader();
        }
    }

    // A release the reader did not wait for lets one later read through unpaused: bounded, and simpler than a handshake.
    private void WakeReader()
    {
        if (_resume.CurrentCount == 0)
        {
            try
            {
                _resume.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already resumed: the owner calls this at most once per read, so this is a harmless race.
            }
        }
    }

    /// <inheritdoc/>
    public void Write(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (_closed || _closeRequested)
            {
                return;
            }

            if (_sending)
            {
                _queuedBytes += data.Length;
                if (_queuedBytes > MaxQueuedBytes)
                {
                    CloseNow("client not reading");
                    return;
                }

                _queue.Enqueue(data);
                return;
            }

            _sending = true;
        }

        _ = SendLoopAsync(data);
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (_gate)
        {
            if (_closed || _closeRequested)
            {
                return;
            }

            _closeRequested = true;
            if (!_sending)
            {
                CloseNow(null);
            }
        }
    }

    private async Task SendLoopAsync(ReadOnlyMemory<byte> data)
    {
        try
        {
            while (true)
            {
                while (!data.IsEmpty)
                {
                    var sent = await _socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                    data = data[sent..];
                }

                lock (_gate)
                {
                    if (_queue.TryDequeue(out data))
                    {
                        _queuedBytes -= data.Length;
                        continue;
                    }

                    _sending = false;
                    if (_closeRequested)
                    {
                        CloseNow(null);
                    }

                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            lock (_gate)
            {
                _sending = false;
                CloseNow(e is SocketException se ? se.SocketErrorCode.ToString() : "closed");
            }
        }
    }

    // Caller holds _gate. A failure the owner did not ask for (error non-null) is reported to it,
    // so a connection whose client vanished mid-write stops at once instead of at its idle timeout.
    private void CloseNow(string? error)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (error is not null && !_closeRequested)
        {
            _owner.Tell(new ConnectionPeerClosed(error));
        }

        _queue.Clear();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The peer may be gone already; closing is all that is left to do.
        }

        _socket.Dispose();
        WakeReader();
    }

    private async Task ReceiveLoopAsync()
    {
        string? error = null;
        var small = new byte[SmallReceiveBufferSize];
        byte[]? large = null;
        try
        {
            while (true)
            {
                var buffer = large ?? small;
                var read = await _socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var received = buffer.AsSpan(0, read).ToArray();
                if (read == buffer.Length && large is null)
                {
                    large = ArrayPool<byte>.Shared.Rent(LargeReceiveBufferSize);
                }
                else if (read < buffer.Length && large is not null)
                {
                    ArrayPool<byte>.Shared.Return(large);
                    large = null;
                }

                _owner.Tell(new ConnectionReceived(received));
                if (_paused)
                {
                    await _resume.WaitAsync().ConfigureAwait(false);
                }

                if (Volatile.Read(ref _closed))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            error = e is SocketException se ? se.SocketErrorCode.ToString() : "closed";
        }
        finally
        {
            if (large is not null)
            {
                ArrayPool<byte>.Shared.Return(large);
            }
        }

        lock (_gate)
        {
            if (_closed)
            {
                return;
            }
        }

        _owner.Tell(new ConnectionPeerClosed(error));
    }
}
