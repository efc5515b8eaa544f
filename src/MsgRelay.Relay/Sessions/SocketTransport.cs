using System.Buffers;
using System.Net.Sockets;
using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// <see cref="IConnectionTransport"/> over an accepted TCP socket on .NET's socket engine. A receive
/// pump (a task, outside the actor) reads and tells the owner, waiting only while paused; writes are
/// queued and sent in order by whichever thread finds the queue idle, so the usual small reply
/// leaves synchronously from the actor's own call. Where MsgRelay's epoll loop is available,
/// <see cref="EpollTransport"/> serves instead (<c>msgrelay.listeners.socket-engine</c>).
/// </summary>
public sealed class SocketTransport : SocketTransportBase
{
    // Receives go straight into a small buffer of the connection's own: big enough for an MSP
    // message, an RWP line or an agent's ACK, small enough that 10,000 idle sessions hardly notice.
    // A read that fills it means more is waiting, so the next reads borrow a large buffer until one
    // comes back short.
    private const int SmallReceiveBufferSize = 512;
    private const int LargeReceiveBufferSize = 16 * 1024;

    private readonly SemaphoreSlim _resume = new(0, 1);
    private volatile bool _paused;
    private bool _sending;

    /// <summary>Wraps an accepted socket; the transport owns it from now on.</summary>
    public SocketTransport(Socket socket)
        : this(socket, DefaultFlushTimeout)
    {
    }

    internal SocketTransport(Socket socket, TimeSpan flushTimeout)
        : base(socket, flushTimeout)
    {
    }

    private protected override bool HasPendingWrites => _sending;

    /// <inheritdoc/>
    public override void Start(IActorRef owner)
    {
        Owner = owner;
        _ = Task.Run(ReceiveLoopAsync);
    }

    /// <inheritdoc/>
    public override void PauseReading() => _paused = true;

    /// <inheritdoc/>
    public override void ResumeReading()
    {
        if (_paused)
        {
            _paused = false;
            WakeReader();
        }
    }

    private protected override bool WriteFirst(ReadOnlyMemory<byte> data)
    {
        _sending = true;
        return true;
    }

    // Runs until the first send that does not complete at once: the usual small reply leaves in the caller's call.
    private protected override void SendOutsideGate(ReadOnlyMemory<byte> data) => _ = SendLoopAsync(data);

    private protected override void OnClosing()
    {
    }

    private protected override void OnClosed() => WakeReader();

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

    private async Task SendLoopAsync(ReadOnlyMemory<byte> data)
    {
        try
        {
            while (true)
            {
                while (!data.IsEmpty)
                {
                    var sent = await Socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
                    data = data[sent..];
                }

                lock (Gate)
                {
                    if (TryTakeQueued(out data))
                    {
                        continue;
                    }

                    _sending = false;
                    CloseIfRequested();
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            lock (Gate)
            {
                _sending = false;
                CloseNow(e is SocketException se ? se.SocketErrorCode.ToString() : "closed");
            }
        }
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
                var read = await Socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).ConfigureAwait(false);
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

                Owner.Tell(new ConnectionReceived(received));
                if (_paused)
                {
                    await _resume.WaitAsync().ConfigureAwait(false);
                }

                if (IsClosed)
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

        if (!IsClosed)
        {
            Owner.Tell(new ConnectionPeerClosed(error));
        }
    }
}
