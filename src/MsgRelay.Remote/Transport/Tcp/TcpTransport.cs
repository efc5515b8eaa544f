using System.Net;
using System.Net.Sockets;

namespace MsgRelay.Remote.Transport.Tcp;

/// <summary>Node-to-node TCP: one listening socket, length-prefixed frames on every connection.</summary>
public sealed class TcpTransport(int maximumFrameSize, string? bindHost = null) : ITransport
{
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _listener;

    /// <inheritdoc />
    public async Task<Address> ListenAsync(Address local, Func<ITransportConnection, Task> onAccepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(local);
        var endpoint = new IPEndPoint(await ResolveAsync(string.IsNullOrEmpty(bindHost) ? local.Host : bindHost, cancellationToken).ConfigureAwait(false), local.Port);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        listener.Listen(128);
        _listener = listener;
        _ = AcceptLoop(listener, onAccepted);
        return local with { Port = ((IPEndPoint)listener.LocalEndPoint!).Port };
    }

    /// <inheritdoc />
    public async Task<ITransportConnection> ConnectAsync(Address remote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remote);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(remote.Host, remote.Port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new TcpConnection(socket, maximumFrameSize);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _listener?.Dispose();
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<IPAddress> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var ip))
        {
            return ip;
        }
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
    }

    private async Task AcceptLoop(Socket listener, Func<ITransportConnection, Task> onAccepted)
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            socket.NoDelay = true;
            _ = onAccepted(new TcpConnection(socket, maximumFrameSize));
        }
    }
}
