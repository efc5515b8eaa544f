using System.Net.Sockets;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// <see cref="IConnectionTransport"/> over an accepted TCP socket driven by an <see cref="EpollLoop"/>
/// (Linux): the loop's thread reads when the socket is readable and tells the owner; a write is sent
/// at once from the caller's thread, and only what the socket does not take is queued and sent by
/// the loop when the socket is writable again. Behaves as <see cref="SocketTransport"/> does, which
/// serves where epoll is not available.
/// </summary>
public sealed class EpollTransport : IConnectionTransport
{
    // A client that stops reading must not make the relay hold its answers forever.
    private const int MaxQueuedBytes = 256 * 1024;

    private readonly Socket _socket;
    private readonly EpollLoop _loop;
    private readonly int _fd;
    private readonly long _token;
    private readonly Queue<ReadOnlyMemory<byte>> _queue = new();
    // What is left of a write the socket took only part of; it leaves before anything queued.
    private ReadOnlyMemory<byte> _head;
    private readonly Lock _gate = new();
    private IActorRef _owner = ActorRefs.Nobody;
    private uint _interest;
    private int _queuedBytes;
    private bool _started;
    private bool _paused;
    private bool _readEnded;
    private bool _closeRequested;
    private bool _closed;

    private EpollTransport(Socket socket, EpollLoop loop, int fd)
    {
        _socket = socket;
        _loop = loop;
        _fd = fd;
        (PeerHost, PeerEndpoint) = SocketPeer.Describe(socket);
        _token = loop.Attach(this);
    }

    /// <summary>
    /// A transport for an accepted socket: epoll-driven where the process has an epoll loop and
    /// <paramref name="preferEpoll"/> is set, otherwise <see cref="SocketTransport"/>.
    /// </summary>
    public static IConnectionTransport Create(Socket socket, bool preferEpoll)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var loop = preferEpoll ? EpollLoop.Next() : null;
        if (loop is not null)
        {
            try
            {
                // Replies are written whole, each in one call: Nagle would only delay them. The loop's
                // thread must never wait in a read or a write: the socket goes non-blocking.
                socket.NoDelay = true;
                socket.Blocking = false;
                return new EpollTransport(socket, loop, (int)socket.Handle);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset between accept and here: the other transport's first read reports it.
            }
        }

        return new SocketTransport(socket);
    }

    /// <summary>Whether <see cref="Create"/> can give epoll-driven transports in this process.</summary>
    public static bool IsSupported => EpollLoop.IsAvailable;

    /// <inheritdoc/>
    public string PeerHost { get; }

    /// <inheritdoc/>
    public string PeerEndpoint { get; }

    /// <inheritdoc/>
    public void Start(IActorRef owner)
    {
        lock (_gate)
        {
            _owner = owner;
            _started = true;
            UpdateInterest();
        }
    }

    /// <inheritdoc/>
    public void PauseReading()
    {
        lock (_gate)
        {
            _paused = true;
            UpdateInterest();
        }
    }

    /// <inheritdoc/>
    public void ResumeReading()
    {
        lock (_gate)
        {
            _paused = false;
            UpdateInterest();
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

            if (HasPending)
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

            // The usual case: the reply fits the socket's buffer and leaves in this one call.
            var sent = Send(data);
            if (sent < 0)
            {
                return;
            }

            if (sent < data.Length)
            {
                _queuedBytes += data.Length - sent;
                _head = data[sent..];
                UpdateInterest();
            }
        }
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
            if (!HasPending)
            {
                CloseNow(null);
            }
        }
    }

    /// <summary>Called by the loop's thread with the events epoll reported and the loop's receive buffer.</summary>
    internal void OnReady(uint events, byte[] buffer)
    {
        bool read;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if ((_interest & EpollLoop.Out) != 0 && (events & (EpollLoop.Out | EpollLoop.Error | EpollLoop.HangUp)) != 0)
            {
                SendQueued();
            }

            read = !_closed && (_interest & EpollLoop.In) != 0;
        }

        if (read)
        {
            Receive(buffer);
        }
    }

    /// <summary>Closes the connection after an unexpected exception in its event handling, telling the owner.</summary>
    internal void Fail(Exception error)
    {
        lock (_gate)
        {
            CloseNow(error.GetType().Name);
        }
    }

    // Outside the gate: the owner's Tell must not wait for a writer, and the socket's handle keeps
    // the descriptor alive across a concurrent Close (the read then fails as disposed).
    private void Receive(byte[] buffer)
    {
        int read;
        SocketError error;
        try
        {
            read = _socket.Receive(buffer, SocketFlags.None, out error);
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error == SocketError.Success && read > 0)
        {
            var received = buffer.AsSpan(0, read).ToArray();
            if (!Volatile.Read(ref _closed))
            {
                _owner.Tell(new ConnectionReceived(received));
            }

            return;
        }

        lock (_gate)
        {
            _readEnded = true;
            if (_closed)
            {
                return;
            }

            UpdateInterest();
        }

        _owner.Tell(new ConnectionPeerClosed(error == SocketError.Success ? null : error.ToString()));
    }

    // Caller holds _gate.
    private bool HasPending => !_head.IsEmpty || _queue.Count > 0;

    // Caller holds _gate. Returns what was sent, or -1 when the socket failed (and is closed now).
    private int Send(ReadOnlyMemory<byte> data)
    {
        int sent;
        SocketError error;
        try
        {
            sent = _socket.Send(data.Span, SocketFlags.None, out error);
        }
        catch (ObjectDisposedException)
        {
            CloseNow("closed");
            return -1;
        }

        if (error == SocketError.WouldBlock)
        {
            return 0;
        }

        if (error != SocketError.Success)
        {
            CloseNow(error.ToString());
            return -1;
        }

        return sent;
    }

    // Caller holds _gate.
    private void SendQueued()
    {
        while (!_head.IsEmpty || _queue.TryDequeue(out _head))
        {
            var sent = Send(_head);
            if (sent < 0)
            {
                return;
            }

            _queuedBytes -= sent;
            _head = _head[sent..];
            if (!_head.IsEmpty)
            {
                // The socket is full again: the rest waits for the next event.
                return;
            }
        }

        if (_closeRequested)
        {
            CloseNow(null);
            return;
        }

        UpdateInterest();
    }

    // Caller holds _gate. Reads while started, not paused and not at the end of the stream; waits
    // for room while something is queued; leaves the epoll set when neither (so a hang-up, which
    // epoll reports whatever the interest, cannot make the loop spin on a paused connection).
    private void UpdateInterest()
    {
        if (_closed)
        {
            return;
        }

        var wanted = (_started && !_paused && !_readEnded ? EpollLoop.In : 0u)
            | (HasPending ? EpollLoop.Out : 0u);
        var errno = _loop.Control(_fd, _token, _interest, wanted);
        if (errno != 0)
        {
            CloseNow("epoll_ctl errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        _interest = wanted;
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
        if (_interest != 0)
        {
            _ = _loop.Control(_fd, _token, _interest, 0);
            _interest = 0;
        }

        _loop.Detach(_token);
        if (error is not null && !_closeRequested)
        {
            _owner.Tell(new ConnectionPeerClosed(error));
        }

        _queue.Clear();
        _head = ReadOnlyMemory<byte>.Empty;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The peer may be gone already; closing is all that is left to do.
        }

        _socket.Dispose();
    }
}
