using System.Threading.Channels;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Remote;

/// <summary>
/// Everything this node sends to one peer: a bounded queue of encoded frames and the one
/// connection they go out on. The connection is dialled lazily when there is something to send,
/// re-dialled with exponential backoff after a failure, or adopted from the peer's own dial.
/// When both nodes dial at once, the connection dialled by the lower address wins, so a pair
/// settles on one connection.
/// </summary>
internal sealed class Association
{
    private readonly Remoting _remoting;
    private readonly Channel<OutboundFrame> _queue;
    private readonly CancellationToken _stopping;
    private ITransportConnection? _current;

    public Association(Remoting remoting, Address remote, CancellationToken stopping)
    {
        _remoting = remoting;
        Remote = remote;
        _stopping = stopping;
        // Full mode is irrelevant: TryWrite on a full bounded channel fails and the caller drops.
        _queue = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(remoting.Settings.SendQueueSize) { SingleReader = true });
        _ = Task.Run(WriterLoop, stopping);
    }

    public Address Remote { get; }

    /// <summary>Uid of the peer's incarnation from its last handshake; 0 before the first.</summary>
    public long RemoteUid { get; private set; }

    public bool TryEnqueue(OutboundFrame frame) => _queue.Writer.TryWrite(frame);

    /// <summary>Drops the current connection (if any); the next frame dials a new one.</summary>
    public void Reset()
    {
        if (Volatile.Read(ref _current) is { } connection)
        {
            RemoteLog.AssociationReset(_remoting.Log, Remote.ToString());
            Lost(connection);
        }
    }

    /// <summary>Takes an accepted connection whose handshake named this peer; false when it must be closed instead.</summary>
    public bool AdoptInbound(ITransportConnection connection, long uid)
    {
        RemoteUid = uid;
        var peerWins = Remote.CompareTo(_remoting.LocalAddress.Address) < 0;
        var previous = Volatile.Read(ref _current);
        if (!peerWins && previous is not null)
        {
            return false;
        }
        if (Interlocked.CompareExchange(ref _current, connection, previous) != previous)
        {
            return false;
        }
        if (previous is not null)
        {
            _ = previous.DisposeAsync().AsTask();
        }
        RemoteLog.Associated(_remoting.Log, Remote.ToString(), uid, "inbound");
        return true;
    }

    /// <summary>Reads frames until the connection closes; the handshake was already read when <paramref name="handshakeDone"/>.</summary>
    public async Task ReadLoop(ITransportConnection connection, bool handshakeDone)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var payload = await connection.ReceiveAsync(_stopping).ConfigureAwait(false);
                if (payload is null)
                {
                    break;
                }
                var frame = Frame.Parser.ParseFrom(payload.Value.Span);
                if (!handshakeDone)
                {
                    if (frame.BodyCase != Frame.BodyOneofCase.Handshake)
                    {
                        throw new InvalidDataException("first frame was not a handshake");
                    }
                    RemoteUid = frame.Handshake.From.Uid;
                    handshakeDone = true;
                    RemoteLog.Associated(_remoting.Log, Remote.ToString(), RemoteUid, "outbound");
                    continue;
                }
                if (frame.BodyCase == Frame.BodyOneofCase.Envelope)
                {
                    _remoting.Deliver(frame.Envelope, Remote);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RemoteLog.ConnectionLost(_remoting.Log, Remote.ToString(), e.Message);
        }
        catch (OperationCanceledException)
        {
            // Remoting is stopping.
        }
        Lost(connection);
    }

    private async Task WriterLoop()
    {
        var backoff = _remoting.Settings.MinBackoff;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stopping).ConfigureAwait(false))
            {
                var connection = Volatile.Read(ref _current);
                if (connection is null)
                {
                    try
                    {
                        connection = await Dial().ConfigureAwait(false);
                        backoff = _remoting.Settings.MinBackoff;
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
                    {
                        RemoteLog.ConnectFailed(_remoting.Log, Remote.ToString(), backoff, e.Message);
                        await Task.Delay(backoff, _stopping).ConfigureAwait(false);
                        backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _remoting.Settings.MaxBackoff.Ticks));
                        continue;
                    }
                }
                while (_queue.Reader.TryRead(out var frame))
                {
                    try
                    {
                        await connection.SendAsync(frame.Bytes, _stopping).ConfigureAwait(false);
                    }
                    catch (FrameTooLargeException)
                    {
                        RemoteLog.FrameTooLarge(_remoting.Log, frame.MessageType, Remote.ToString());
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // At-most-once: the frame in flight is lost with the connection.
                        RemoteLog.ConnectionLost(_remoting.Log, Remote.ToString(), e.Message);
                        Lost(connection);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Remoting is stopping.
        }
        var last = Interlocked.Exchange(ref _current, null);
        if (last is not null)
        {
            await last.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<ITransportConnection> Dial()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        timeout.CancelAfter(_remoting.Settings.ConnectTimeout);
        var connection = await _remoting.Transport.ConnectAsync(Remote, timeout.Token).ConfigureAwait(false);
        await connection.SendAsync(_remoting.HandshakeFrame(Remote), _stopping).ConfigureAwait(false);
        var previous = Interlocked.CompareExchange(ref _current, connection, null);
        if (previous is not null)
        {
            // The peer's dial was adopted meanwhile: use it and drop ours.
            await connection.DisposeAsync().ConfigureAwait(false);
            return previous;
        }
        _ = ReadLoop(connection, handshakeDone: false);
        return connection;
    }

    private void Lost(ITransportConnection connection)
    {
        if (Interlocked.CompareExchange(ref _current, null, connection) == connection)
        {
            _ = connection.DisposeAsync().AsTask();
        }
    }
}

/// <summary>An encoded frame waiting in an association's queue.</summary>
internal readonly record struct OutboundFrame(ReadOnlyMemory<byte> Bytes, string MessageType);
