using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>A real TCP client for loopback tests: reads with a deadline, never hangs.</summary>
public sealed class LineClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = Actors.TestKit.TestKit.Dilated(TimeSpan.FromSeconds(5));
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    private LineClient(Socket socket) => _socket = socket;

    public Socket Socket => _socket;

    public static async Task<LineClient> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var target = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? new IPEndPoint(IPAddress.Loopback, endpoint.Port)
            : endpoint;
        await socket.ConnectAsync(target).WaitAsync(DefaultTimeout);
        return new LineClient(socket);
    }

    public Task SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task SendAsync(byte[] data) => await _socket.SendAsync(data.AsMemory(), SocketFlags.None).AsTask().WaitAsync(DefaultTimeout);

    /// <summary>One receive call's bytes (at least one byte), or empty at EOF.</summary>
    public async Task<byte[]> ReceiveOnceAsync()
    {
        if (_pending.Count > 0)
        {
            var held = _pending.ToArray();
            _pending.Clear();
            return held;
        }

        var buffer = new byte[8192];
        var read = await _socket.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(DefaultTimeout);
        return buffer[..read];
    }

    /// <summary>Reads until <paramref name="count"/> bytes are there.</summary>
    public async Task<byte[]> ReceiveExactlyAsync(int count)
    {
        var result = new List<byte>();
        for (var guard = 0; guard < 1000 && result.Count < count; guard++)
        {
            var chunk = await ReceiveOnceAsync();
            if (chunk.Length == 0)
            {
                break;
            }

            result.AddRange(chunk);
        }

        if (result.Count > count)
        {
            _pending.AddRange(result.Skip(count));
            result.RemoveRange(count, result.Count - count);
        }

        return [.. result];
    }

    /// <summary>Reads until the text received ends with <paramref name="terminator"/> (e.g. "100 Ready.\n").</summary>
    public async Task<string> ReceiveUntilAsync(string terminator)
    {
        var text = new StringBuilder();
        for (var guard = 0; guard < 1000; guard++)
        {
            var chunk = await ReceiveOnceAsync();
            if (chunk.Length == 0)
            {
                break;
            }

            text.Append(Encoding.Latin1.GetString(chunk));
            var s = text.ToString();
            var at = s.IndexOf(terminator, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = at + terminator.Length;
                _pending.AddRange(Encoding.Latin1.GetBytes(s[end..]));
                return s[..end];
            }
        }

        return text.ToString();
    }

    /// <summary>True when the server closed the connection (EOF or reset) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync()
    {
        for (var guard = 0; guard < 1000; guard++)
        {
            byte[] chunk;
            try
            {
                chunk = await ReceiveOnceAsync();
            }
            catch (SocketException)
            {
                return true;
            }

            if (chunk.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
