using System.Net.Sockets;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// <see cref="IConnectionTransport"/> over an accepted TCP socket driven by an <see cref="EpollLoop"/>
/// (Linux): the loop's thread reads when the socket is readable and tells the owner; a write is sent
/// at once from the caller's thread, and only what the socket does not take is queued and sent by
/// the loop when the socket is writable again. Behaves as <see cref="SocketTransport"/> does, which
/// serves where epoll is not available, except that a pause takes effect at once (no read is in flight).
/// </summary>
public sealed class EpollTransport : SocketTransportBase
{
    private readonly EpollLoop _loop;
    private readonly int _fd;
    private readonly long _token;
    // The write being sent: what is left of one the socket took only part of; it leaves before anything queued.
    private ReadOnlyMemory<byte> _head;
    private uint _interest;
    private bool _started;
    private bool _paused;
    private bool _readEnded;

    private EpollTransport(Socket socket, EpollLoop loop, int fd, TimeSpan flushTimeout)
        : base(socket, flushTimeout)
    {
        _loop = loop;
        _fd = fd;
        _token = loop.Attach(this);
    }

    /// <summary>Whether <see cref="Create(Socket, bool)"/> can give epoll-driven transports in this process.</summary>
    public static bool IsSupported => EpollLoop.IsAvailable;

    private protected override bool HasPendingWrites => !_head.IsEmpty || HasQueuedWrites;

    /// <summary>
    /// A transport for an accepted socket: epoll-driven where the process has an epoll loop and
    /// <paramref name="preferEpoll"/> is set, otherwise <see cref="SocketTransport"/>.
    /// </summary>
    public static IConnectionTransport Create(Socket socket, bool preferEpoll) =>
        Create(socket, preferEpoll, DefaultFlushTimeout);

    /// <summary>As <see cref="Create(Socket, bool)"/>, with how long a close may wait for a client that does not read.</summary>
    internal static IConnectionTransport Create(Socket socket, bool preferEpoll, TimeSpan flushTimeout)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var loop = preferEpoll ? EpollLoop.Next() : null;
        if (loop is not null)
        {
            try
            {
                // The loop's thread must never wait in a read or a write: the socket goes non-blocking.
                socket.Blocking = false;
                return new EpollTransport(socket, loop, (int)socket.Handle, flushTimeout);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Reset between accept and here: the other transport's first read reports it.
            }
        }

        return new SocketTransport(socket, flushTimeout);
    }

    /// <inheritdoc/>
    public override void Start(IActorRef owner)
    {
        lock (Gate)
        {
            Owner = owner;
            _started = true;
            UpdateInterest();
        }
    }

    /// <inheritdoc/>
    public override void PauseReading()
    {
        lock (Gate)
        {
            _paused = true;
            UpdateInterest();
        }
    }

    /// <inheritdoc/>
    public override void ResumeReading()
    {
        lock (Gate)
        {
            _paused = false;
            UpdateInterest();
        }
    }

    // The usual case: the reply fits the socket's buffer and leaves in this one call.
    private protected override bool WriteFirst(ReadOnlyMemory<byte> data)
    {
        var sent = Send(data);
        if (sent >= 0 && sent < data.Length)
        {
            _head = data[sent..];
            UpdateInterest();
        }

        return false;
    }

    /// <summary>Called by the loop's thread with the events epoll reported and the loop's receive buffer.</summary>
    /// <remarks>
    /// The gate is taken for every event, also when there is only a read to do, which would need
    /// none: reading without it (checked with node-cost.sh, three alternating rounds) raised the
    /// node's context switches per message from 0.52-0.62 to 0.68-0.74 and lowered the rate
    /// (72-79k against 80-88k/s): waiting behind a writer that is sending lets more arrive per read.
    /// </remarks>
    internal void OnReady(uint events, byte[] buffer)
    {
        bool read;
        lock (Gate)
        {
            if (IsClosed)
            {
                return;
            }

            if ((_interest & EpollLoop.Out) != 0 && (events & (EpollLoop.Out | EpollLoop.Error | EpollLoop.HangUp)) != 0)
            {
                SendQueued();
            }

            read = !IsClosed && (_interest & EpollLoop.In) != 0;
        }

        if (read)
        {
            Receive(buffer);
        }
    }

    /// <summary>
    /// Closes the connection after an unexpected failure of its event handling or of the loop,
    /// telling the owner that it was the transport's fault (the owner logs it as a warning).
    /// </summary>
    internal void Fail(Exception error)
    {
        lock (Gate)
        {
            CloseNow(error.GetType().Name + ": " + error.Message, transportFault: true);
        }
    }

    private protected override void OnClosing()
    {
        if (_interest != 0)
        {
            _ = _loop.Control(_fd, _token, _interest, 0);
            _interest = 0;
        }

        _loop.Detach(_token);
        _head = ReadOnlyMemory<byte>.Empty;
    }

    // Outside the gate: the owner's Tell must not wait for a writer, and the socket's handle keeps
    // the descriptor alive across a concurrent Close (the read then fails as disposed).
    private void Receive(byte[] buffer)
    {
        int read;
        SocketError error;
        try
        {
            read = Socket.Receive(buffer, SocketFlags.None, out error);
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
            if (!IsClosed)
            {
                Owner.Tell(new ConnectionReceived(received));
            }

            return;
        }

        lock (Gate)
        {
            _readEnded = true;
            if (IsClosed)
            {
                return;
            }

            UpdateInterest();
        }

        Owner.Tell(new ConnectionPeerClosed(error == SocketError.Success ? null : error.ToString()));
    }

    // Caller holds the gate. Returns what was sent, or -1 when the socket failed (and is closed now).
    private int Send(ReadOnlyMemory<byte> data)
    {
        int sent;
        SocketError error;
        try
        {
            sent = Socket.Send(data.Span, SocketFlags.None, out error);
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

    // Caller holds the gate.
    private void SendQueued()
    {
        while (!_head.IsEmpty || TryTakeQueued(out _head))
        {
            var sent = Send(_head);
            if (sent < 0)
            {
                return;
            }

            _head = _head[sent..];
            if (!_head.IsEmpty)
            {
                // The socket is full again: the rest waits for the next event.
                return;
            }
        }

        if (!CloseIfRequested())
        {
            UpdateInterest();
        }
    }

    // Caller holds the gate. Reads while started, not paused and not at the end of the stream; waits
    // for room while something is queued; leaves the epoll set when neither (so a hang-up, which
    // epoll reports whatever the interest, cannot make the loop spin on a paused connection).
    private void UpdateInterest()
    {
        if (IsClosed)
        {
            return;
        }

        var wanted = (_started && !_paused && !_readEnded ? EpollLoop.In : 0u)
            | (HasPendingWrites ? EpollLoop.Out : 0u);
        var errno = _loop.Control(_fd, _token, _interest, wanted);
        if (errno != 0)
        {
            CloseNow("epoll_ctl errno " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        _interest = wanted;
    }
}
