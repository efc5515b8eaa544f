using System.Net.Sockets;
using System.Text;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Node.Clients;

/// <summary>
/// The client end of an RWP TCP connection: writes command lines, reads response lines (ISO 8859-1,
/// LF-terminated). Behaves like a good client: every command waits for the <c>100 Ready.</c> that ends
/// the answer before the next is sent.
/// </summary>
internal sealed class RwpLineConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private RwpLineConnection(TcpClient client)
    {
        _client = client;
        var stream = client.GetStream();
        _reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        _writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\n", AutoFlush = false };
    }

    /// <summary>Connects and reads the greeting up to its <c>100 Ready.</c>.</summary>
    public static async Task<RwpLineConnection> ConnectAsync(ServerAddress server, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(timeout);
            await client.ConnectAsync(server.Host, server.Port, connectTimeout.Token).ConfigureAwait(false);
            var connection = new RwpLineConnection(client);
            await connection.ReadUntilReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one line (no wait).</summary>
    public async Task WriteLineAsync(string line, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Sends a command and returns every response up to (not including) <c>100 Ready.</c>.</summary>
    public async Task<IReadOnlyList<RwpReply>> CommandAsync(string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        return await ReadUntilReadyAsync(timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a command answered by one line without <c>100 Ready.</c> (DATA's 200, QUIT's 101).</summary>
    public async Task<RwpReply> CommandWithoutReadyAsync(string line, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var reply = await ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("the server closed the connection");
            if (reply.Code != RwpReplies.InformationCode)
            {
                return reply;
            }
        }
    }

    /// <summary>Reads responses up to <c>100 Ready.</c>; 511 information lines are skipped.</summary>
    public async Task<IReadOnlyList<RwpReply>> ReadUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var replies = new List<RwpReply>();
        while (true)
        {
            var reply = await ReadReplyAsync(timeout, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException("the server closed the connection");
            if (reply.Code == RwpReplies.Ready.Code)
            {
                return replies;
            }

            if (reply.Code != RwpReplies.InformationCode)
            {
                replies.Add(reply);
            }

            if (replies.Count > 1000)
            {
                throw new IOException("the server sent too many lines without 100 Ready.");
            }
        }
    }

    /// <summary>The next response line; null at end of stream. Lines that are not responses are skipped.</summary>
    public async Task<RwpReply?> ReadReplyAsync(TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t)
        {
            limit.CancelAfter(t);
        }

        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException("no answer from the server in time");
            }

            if (line is null)
            {
                return null;
            }

            if (RwpResponseParser.TryParse(line, out var reply))
            {
                return reply;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _reader.Dispose();
        _client.Dispose();
        _writeLock.Dispose();
    }
}
