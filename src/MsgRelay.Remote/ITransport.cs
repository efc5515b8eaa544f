namespace MsgRelay.Remote;

/// <summary>
/// Moves frames between nodes. <see cref="Transport.Tcp.TcpTransport"/> is the real one;
/// <see cref="Transport.InMemory.InMemoryTransport"/> connects systems in one process for tests.
/// </summary>
public interface ITransport : IAsyncDisposable
{
    /// <summary>Starts accepting; returns the bound address (the real port when 0 was asked for).</summary>
    Task<Address> ListenAsync(Address local, Func<ITransportConnection, Task> onAccepted, CancellationToken cancellationToken);

    /// <summary>Opens a connection to <paramref name="remote"/>; throws when it cannot be reached.</summary>
    Task<ITransportConnection> ConnectAsync(Address remote, CancellationToken cancellationToken);
}

/// <summary>One bidirectional connection carrying whole frame payloads (the transport does the framing).</summary>
public interface ITransportConnection : IAsyncDisposable
{
    /// <summary>Sends one frame payload; completes when the transport took it (TCP: written to the socket).</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>The next frame payload, or null once the connection is closed.</summary>
    ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken);
}
