using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A raw RWP-style line client over a real TCP socket: writes bytes exactly as given and hands back
/// each LF-terminated line the server sends, so tests see the wire, not our own codecs.
/// </summary>
internal sealed class LineClient : IAsyncDisposable
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly Socket _socket;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Task _pump;

    private LineClient(Socket socket)
    {
        _socket = socket;
        _pump = Task.Run(PumpAsync);
    }

    public static async Task<LineClient> ConnectAsync(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endpoint);
        return new LineClient(socket);
    }

    public async Task SendAsync(string text) => await _socket.SendAsync(Latin1.GetBytes(text), SocketFlags.None);

    /// <summary>The next line from the server (without its LF), or a TimeoutException naming what was awaited.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line from the server within {timeout}");
        }
        catch (ChannelClosedException)
        {
            throw new IOException("the server closed the connection");
        }
    }

    /// <summary>Reads lines until one starts with <paramref name="code"/>; returns every line read, that one last.</summary>
    public async Task<List<string>> ReadUntilAsync(string code, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var remaining = deadline - DateTime.UtcNow;
            var line = await ReadLineAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.FromMilliseconds(1));
            seen.Add(line);
            if (line.StartsWith(code, StringComparison.Ordinal))
            {
                return seen;
            }
        }

        throw new InvalidOperationException($"more than 1000 lines without {code}: {string.Join(" | ", seen)}");
    }

    /// <summary>True when the server has closed its side (EOF seen) within the timeout.</summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _pump.WaitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[4096];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var n = await _socket.ReceiveAsync(buffer, SocketFlags.None);
                if (n == 0)
                {
                    break;
                }

                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        var line = Latin1.GetString([.. pending]).TrimEnd('\r');
                        pending.Clear();
                        _lines.Writer.TryWrite(line);
                    }
                    else
                    {
                        pending.Add(buffer[i]);
                    }
                }
            }
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _pump.ConfigureAwait(false);
    }
}
