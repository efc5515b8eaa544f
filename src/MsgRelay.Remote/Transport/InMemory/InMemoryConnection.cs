using System.Threading.Channels;

namespace MsgRelay.Remote.Transport.InMemory;

/// <summary>One end of an in-memory connection; frames to a blocked peer vanish, as in a network partition.</summary>
internal sealed class InMemoryConnection : ITransportConnection
{
    // Bounded like a socket buffer, so a slow reader back-pressures the writer as TCP would.
    private const int Capacity = 1024;
    private readonly InMemoryNetwork _network;
    private readonly int _maximumFrameSize;
    private readonly Channel<byte[]> _inbound;
    private InMemoryConnection _peer = null!;

    private InMemoryConnection(InMemoryNetwork network, string local, string remote, int maximumFrameSize)
    {
        _network = network;
        _maximumFrameSize = maximumFrameSize;
        Local = local;
        Remote = remote;
        _inbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    }

    public string Local { get; }

    /// <summary>Set by <see cref="InMemoryNetwork.Stall"/>: this connection swallows every frame from now on.</summary>
    public bool Stalled { get; set; }

    public string Remote { get; }

    /// <summary>Whether the other end swallows frames.</summary>
    public bool PeerStalled => _peer.Stalled;

    public static (InMemoryConnection Client, InMemoryConnection Server) CreatePair(InMemoryNetwork network, string client, string server, int maximumFrameSize)
    {
        var a = new InMemoryConnection(network, client, server, maximumFrameSize);
        var b = new InMemoryConnection(network, server, client, maximumFrameSize);
        a._peer = b;
        b._peer = a;
        return (a, b);
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.Length > _maximumFrameSize)
        {
            throw new FrameTooLargeException(payload.Length, _maximumFrameSize);
        }
        if (_network.IsBlocked(Local, Remote) || Stalled || _peer.Stalled)
        {
            return;
        }
        try
        {
            await _peer._inbound.Writer.WriteAsync(payload.ToArray(), cancellationToken).ConfigureAwait(false);
            _network.CountDelivered();
        }
        catch (ChannelClosedException e)
        {
            throw new IOException("In-memory connection closed", e);
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _inbound.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public void Abort()
    {
        _inbound.Writer.TryComplete();
        _peer._inbound.Writer.TryComplete();
        _network.Forget(this);
        _network.Forget(_peer);
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }
}
