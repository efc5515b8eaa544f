using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MsgRelay.Relay.Tests.Sites;

/// <summary>
/// A minimal RWP server on loopback for the forwarder's client: greets, answers each command with
/// <see cref="AnswerFor"/> plus <c>100 Ready.</c>, and records every line it received per connection.
/// </summary>
internal sealed class ScriptedRwpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public ScriptedRwpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => _connections;

    /// <summary>Every line received, prefixed with the connection number.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The answer lines (before 100) for a command; SEND's default is 103.</summary>
    public Func<string, string[]> AnswerFor { get; set; } = DefaultAnswer;

    /// <summary>When true, the server closes every connection right after answering SEND.</summary>
    public bool CloseAfterSend { get; set; }

    public static string[] DefaultAnswer(string command) => command.Split(' ')[0].ToUpperInvariant() switch
    {
        "RSET" => ["109 RSET ok."],
        "FROM" => ["105 Sender ok."],
        "FHST" => ["111 Original sender host ok."],
        "FWDS" => ["110 Forward count ok."],
        "TO" => ["106 Recipient ok."],
        "SEND" => ["103 Message delivered."],
        _ => ["668 Syntax error."],
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(socket, Interlocked.Increment(ref _connections));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        async Task Write(params string[] lines) => await stream.WriteAsync(Encoding.Latin1.GetBytes(string.Concat(lines.Select(l => l + "\n"))), _stop.Token);
        try
        {
            await Write("100 Ready.");
            var inData = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                Lines.Enqueue($"{connection}: {line}");
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        await Write("107 Message ok.", "100 Ready.");
                    }

                    continue;
                }

                if (line.Equals("DATA", StringComparison.OrdinalIgnoreCase))
                {
                    inData = true;
                    await Write("200 Enter message.  Single dot '.' on line terminates.");
                    continue;
                }

                await Write([.. AnswerFor(line), "100 Ready."]);
                if (CloseAfterSend && line.Equals("SEND", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
        }
    }
}
