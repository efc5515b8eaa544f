namespace MsgRelay.Remote.Transport.InMemory;

/// <summary>One node's attachment to an <see cref="InMemoryNetwork"/>.</summary>
public sealed class InMemoryTransport : ITransport
{
    private readonly InMemoryNetwork _network;
    private readonly int _maximumFrameSize;
    private Address? _local;

    internal InMemoryTransport(InMemoryNetwork network, int maximumFrameSize)
    {
        _network = network;
        _maximumFrameSize = maximumFrameSize;
    }

    /// <inheritdoc />
    public Task<Address> ListenAsync(Address local, Func<ITransportConnection, Task> onAccepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        if (local.Port == 0)
        {
            throw new ArgumentException("The in-memory transport needs an explicit port", nameof(local));
        }
        _network.Listen(local, onAccepted);
        _local = local;
        return Task.FromResult(local);
    }

    /// <inheritdoc />
    public Task<ITransportConnection> ConnectAsync(Address remote, CancellationToken cancellationToken)
    {
        var local = _local ?? throw new InvalidOperationException("Listen before connecting: the local address names the connection's end");
        return Task.FromResult(_network.Connect(local.HostPort, remote, _maximumFrameSize));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_local is not null)
        {
            _network.StopListening(_local);
        }
        return ValueTask.CompletedTask;
    }
}
