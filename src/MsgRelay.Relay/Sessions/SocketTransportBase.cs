using System.Net.Sockets;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// What both transports of an accepted TCP socket share: the peer's names, the cap on replies
/// queued for a slow client, and closing - at once, after the queued replies have left, or when they
/// do not leave in time. The transports differ in how they read and send (<see cref="SocketTransport"/>:
/// .NET's socket engine; <see cref="EpollTransport"/>: MsgRelay's epoll loop).
/// </summary>
public abstract class SocketTransportBase : IConnectionTransport
{
    /// <summary>A client that stops reading must not make the relay hold its answers forever.</summary>
    private protected const int MaxQueuedBytes = 256 * 1024;

    /// <summary>
    /// How long a closing connection may take to hand its last replies to a client that does not
    /// read them; then the socket is closed with them unsent, so a stalled client cannot keep a
    /// descriptor (and the replies) forever.
    /// </summary>
    internal static readonly TimeSpan DefaultFlushTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _flushTimeout;
    private readonly Queue<ReadOnlyMemory<byte>> _queue = new();
    private int _queuedBytes;
    private Timer? _flushDeadline;
    private volatile bool _closed;
    private bool _closeRequested;

    private protected SocketTransportBase(Socket socket, TimeSpan flushTimeout)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Socket = socket;
        _flushTimeout = flushTimeout;
        (PeerHost, PeerEndpoint) = SocketPeer.Describe(socket);
        try
        {
            // Replies are written whole, each in one call: Nagle would only delay them.
            socket.NoDelay = true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Reset between accept and here: the first read (or write) reports it.
        }
    }

    /// <inheritdoc/>
    public string PeerHost { get; }

    /// <inheritdoc/>
    public string PeerEndpoint { get; }

    /// <summary>Released: nothing is read, written or reported any more. Readable without the gate.</summary>
    internal bool IsClosed => _closed;

    private protected Socket Socket { get; }

    /// <summary>Guards the write queue and the closing state; events and writes of one connection take it.</summary>
    private protected Lock Gate { get; } = new();

    private protected IActorRef Owner { get; set; } = ActorRefs.Nobody;

    /// <summary>Caller holds the gate. Writes are still taken: neither released nor closing.</summary>
    private protected bool TakesWrites => !_closed && !_closeRequested;

    /// <summary>Caller holds the gate. Bytes written and not yet handed to the socket.</summary>
    private protected abstract bool HasPendingWrites { get; }

    /// <summary>Caller holds the gate. Writes waiting behind the one being sent.</summary>
    private protected bool HasQueuedWrites => _queue.Count > 0;

    /// <inheritdoc/>
    public abstract void Start(IActorRef owner);

    /// <inheritdoc/>
    public abstract void PauseReading();

    /// <inheritdoc/>
    public abstract void ResumeReading();

    /// <summary>Queues bytes to send; writes leave in call order, each as one send where the OS allows.</summary>
    /// <remarks>
    /// A write while another is being sent waits in a queue; past <see cref="MaxQueuedBytes"/> the
    /// client is taken as not reading and the connection closes (reported to the owner).
    /// </remarks>
    public void Write(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        lock (Gate)
        {
            if (!TakesWrites)
            {
                return;
            }

            if (HasPendingWrites)
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

            if (!WriteFirst(data))
            {
                return;
            }
        }

        SendOutsideGate(data);
    }

    /// <summary>
    /// Caller holds the gate and nothing is pending: sends <paramref name="data"/> now, or claims the
    /// sending and returns true for <see cref="SendOutsideGate"/> to run once the gate is released.
    /// </summary>
    private protected abstract bool WriteFirst(ReadOnlyMemory<byte> data);

    /// <summary>Sends what <see cref="WriteFirst"/> claimed, without the gate.</summary>
    private protected virtual void SendOutsideGate(ReadOnlyMemory<byte> data)
    {
    }

    /// <summary>Caller holds the gate. The oldest queued write, if any.</summary>
    private protected bool TryTakeQueued(out ReadOnlyMemory<byte> data)
    {
        if (!_queue.TryDequeue(out data))
        {
            return false;
        }

        _queuedBytes -= data.Length;
        return true;
    }

    /// <inheritdoc/>
    public void Close()
    {
        lock (Gate)
        {
            if (!TakesWrites)
            {
                return;
            }

            _closeRequested = true;
            if (!HasPendingWrites)
            {
                CloseNow(null);
                return;
            }

            _flushDeadline = new Timer(static state => ((SocketTransportBase)state!).FlushTimedOut(), this, _flushTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Caller holds the gate: the last queued write has left; a requested close happens now.</summary>
    /// <returns>Whether the transport is released.</returns>
    private protected bool CloseIfRequested()
    {
        if (_closeRequested)
        {
            CloseNow(null);
        }

        return _closed;
    }

    /// <summary>
    /// Caller holds the gate. Releases the socket once. A failure the owner did not ask for
    /// (<paramref name="error"/> non-null, no close requested) is reported to it, so a connection whose
    /// client vanished mid-write stops at once instead of at its idle timeout.
    /// </summary>
    private protected void CloseNow(string? error, bool transportFault = false)
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (error is not null && !_closeRequested)
        {
            Owner.Tell(new ConnectionPeerClosed(error, transportFault));
        }

        _flushDeadline?.Dispose();
        _queue.Clear();
        OnClosing();
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The peer may be gone already; closing is all that is left to do.
        }

        Socket.Dispose();
        OnClosed();
    }

    /// <summary>Caller holds the gate; the socket is still open: drop what is being sent, leave any event set.</summary>
    private protected abstract void OnClosing();

    /// <summary>Caller holds the gate; the socket is released: wake whatever waits to read.</summary>
    private protected virtual void OnClosed()
    {
    }

    private void FlushTimedOut()
    {
        lock (Gate)
        {
            CloseNow("close timed out");
        }
    }
}
