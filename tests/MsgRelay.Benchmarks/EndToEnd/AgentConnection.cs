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
    private readonly StringBuilder acks = new();
    private string? pendingId;
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
    public async Task ServeAsync(CancellationToken cancel)
    {
        while (await ReadLineAsync(cancel, flushAcks: true) is { } line)
        {
            if (line.StartsWith("511 MSG ", StringComparison.Ordinal))
            {
                // 511 MSG <id> <from> <tty> <hops> <unix-ms>: the last field dates the node's acceptance.
                var fields = line.Split(' ');
                pendingId = fields[2];
                pendingAccepted = fields.Length >= 7 && long.TryParse(fields[6], out var ms) ? ms : 0;
            }
            else if (line == "511 ." && pendingId is not null)
            {
                acks.Append("QUOTE ACK ").Append(pendingId).Append("\r\n");
                pendingId = null;
                counters.Delivered(pendingAccepted == 0 ? 0 : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - pendingAccepted);
            }
        }
    }

    /// <summary>Keeps an idle session inside the node's idle timeout.</summary>
    public async Task PingAsync(CancellationToken cancel) => await socket.SendAsync(Ping, cancel);

    // With flushAcks, the acknowledgements gathered so far leave before the next wait for input.
    private async Task<string?> ReadLineAsync(CancellationToken cancel, bool flushAcks = false)
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
            if (flushAcks && acks.Length > 0)
            {
                await socket.SendAsync(Encoding.ASCII.GetBytes(acks.ToString()), cancel);
                acks.Clear();
            }

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
