using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MsgRelay.Benchmarks.EndToEnd;

/// <summary>
/// One agent session over a raw socket: greeting, <c>QUOTE AGENT user tty</c>, then every
/// <c>511 MSG id</c> ... <c>511 .</c> block is answered with <c>QUOTE ACK id</c> as soon as its end
/// arrives. Async reads on a small per-agent buffer, so thousands of agents cost no threads. The
/// acknowledgements of all blocks that came in one read leave in one write, as a careful agent on
/// a busy link would send them (an agent is another machine in real life; here it shares the
/// node's cores, so it should cost as little as a real one would).
/// </summary>
internal sealed class AgentConnection : IDisposable
{
    private static readonly byte[] Ping = "QUOTE PING\r\n"u8.ToArray();

    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly AgentCounters counters;
    private byte[] buffer = new byte[2048];
    private int filled;
    private readonly byte[] pendingId = new byte[32];
    private int pendingIdLength;
    private long pendingAccepted;

    public AgentConnection(AgentCounters counters) => this.counters = counters;

    /// <summary>Connects and registers (or only connects); false (and the server's line on stderr) when refused.</summary>
    public async Task<bool> LoginAsync(IPEndPoint server, string user, string tty, bool connectOnly, CancellationToken cancel)
    {
        await socket.ConnectAsync(server, cancel);
        if (!(await ReadLineAsync(cancel) ?? string.Empty).StartsWith("100", StringComparison.Ordinal))
        {
            return false;
        }

        if (connectOnly)
        {
            return true;
        }

        await socket.SendAsync(Encoding.ASCII.GetBytes($"QUOTE AGENT {user} {tty}\r\n"), cancel);
        // The registration answer, then its "100 Ready." (skipped by the delivery loop).
        var answer = await ReadLineAsync(cancel);
        if (answer is null || !answer.StartsWith("112", StringComparison.Ordinal))
        {
            await Console.Error.WriteLineAsync($"agents: {user} {tty}: {answer ?? "connection closed"}");
            return false;
        }

        return true;
    }

    /// <summary>Acknowledges deliveries until the connection closes or <paramref name="cancel"/> fires.</summary>
    /// <remarks>Works on the bytes (no string per line): the pool shares the node's cores.</remarks>
    public async Task ServeAsync(CancellationToken cancel)
    {
        var acks = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            var start = 0;
            while (Array.IndexOf(buffer, (byte)'\n', start, filled - start) is var newline and >= 0)
            {
                var line = buffer.AsSpan(start, newline - start);
                OnLine(line.Length > 0 && line[^1] == '\r' ? line[..^1] : line, acks);
                start = newline + 1;
            }

            filled -= start;
            Buffer.BlockCopy(buffer, start, buffer, 0, filled);
            if (acks.WrittenCount > 0)
            {
                await socket.SendAsync(acks.WrittenMemory, cancel);
                acks.ResetWrittenCount();
            }

            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), cancel);
            if (read == 0)
            {
                return;
            }

            filled += read;
        }
    }

    // 511 MSG <id> <from> <tty> <hops> <unix-ms>: remember the id and the acceptance time (the last
    // field); at "511 ." queue the block's ACK.
    private void OnLine(ReadOnlySpan<byte> line, ArrayBufferWriter<byte> acks)
    {
        if (line.StartsWith("511 MSG "u8))
        {
            var fields = line["511 MSG "u8.Length..];
            var space = fields.IndexOf((byte)' ');
            var id = space < 0 ? fields : fields[..space];
            pendingIdLength = id.Length;
            id.CopyTo(pendingId.AsSpan());
            var last = fields.LastIndexOf((byte)' ');
            pendingAccepted = last > 0 && Utf8Parser.TryParse(fields[(last + 1)..], out long ms, out _) ? ms : 0;
        }
        else if (line.SequenceEqual("511 ."u8) && pendingIdLength > 0)
        {
            acks.Write("QUOTE ACK "u8);
            acks.Write(pendingId.AsSpan(0, pendingIdLength));
            acks.Write("\r\n"u8);
            pendingIdLength = 0;
            counters.Delivered(pendingAccepted == 0 ? 0 : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - pendingAccepted);
        }
    }

    /// <summary>Keeps an idle session inside the node's idle timeout.</summary>
    public async Task PingAsync(CancellationToken cancel) => await socket.SendAsync(Ping, cancel);

    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        var scanned = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', scanned, filled - scanned);
            if (newline >= 0)
            {
                var length = newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.ASCII.GetString(buffer, 0, length);
                filled -= newline + 1;
                Buffer.BlockCopy(buffer, newline + 1, buffer, 0, filled);
                return line;
            }

            scanned = filled;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), cancel);
            if (read == 0)
            {
                return null;
            }

            filled += read;
        }
    }

    public void Dispose() => socket.Dispose();
}
