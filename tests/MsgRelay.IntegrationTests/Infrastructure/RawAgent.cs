using System.Net;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// An agent written against the wire protocol of ARCHITECTURE.md (not our client code): logs in with
/// QUOTE AGENT, reads `511 MSG` blocks and acknowledges each with QUOTE ACK unless told not to.
/// </summary>
internal sealed class RawAgent : IAsyncDisposable
{
    private readonly LineClient _client;

    private RawAgent(LineClient client, string tty)
    {
        _client = client;
        Tty = tty;
    }

    public string Tty { get; }

    public static async Task<RawAgent> LoginAsync(IPEndPoint server, string user, string? tty, TimeSpan timeout, string? key = null)
    {
        var client = await LineClient.ConnectAsync(server);
        await client.ReadUntilAsync("100", timeout);
        if (key is not null)
        {
            await client.SendAsync($"QUOTE KEY {key}\n");
            var keyReply = await client.ReadUntilAsync("1", timeout);
            if (!keyReply[^1].StartsWith("112", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"key refused: {keyReply[^1]}");
            }

            await client.ReadUntilAsync("100", timeout);
        }

        await client.SendAsync(tty is null ? $"QUOTE AGENT {user}\n" : $"QUOTE AGENT {user} {tty}\n");
        var lines = await client.ReadUntilAsync("112", timeout);
        var registered = lines[^1];
        await client.ReadUntilAsync("100", timeout);

        // "112 Agent <user> on <tty> registered."
        var words = registered.Split(' ');
        var onIndex = Array.IndexOf(words, "on");
        return new RawAgent(client, onIndex > 0 ? words[onIndex + 1] : tty ?? "?");
    }

    /// <summary>Waits for the next delivery block and, when <paramref name="acknowledge"/>, ACKs it.</summary>
    public async Task<AgentDelivery> ReceiveAsync(TimeSpan timeout, bool acknowledge = true)
    {
        var deadline = DateTime.UtcNow + timeout;
        string header;
        var guard = 0;
        do
        {
            header = await _client.ReadLineAsync(Remaining(deadline));
        }
        while (!header.StartsWith("511 MSG ", StringComparison.Ordinal) && ++guard < 1000);

        // 511 MSG <id> <from-user>@<from-host> <from-tty or -> <hops> <unix-ms>
        var words = header.Split(' ');
        var body = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var line = await _client.ReadLineAsync(Remaining(deadline));
            if (line == "511 .")
            {
                break;
            }

            body.Add(line.StartsWith("511 |", StringComparison.Ordinal) ? line[5..] : line);
        }

        var delivery = new AgentDelivery(words[2], words[3], words[4], int.Parse(words[5], System.Globalization.CultureInfo.InvariantCulture), body);
        if (acknowledge)
        {
            await _client.SendAsync($"QUOTE ACK {delivery.Id}\n");
        }

        return delivery;
    }

    /// <summary>Fails if a delivery block arrives within <paramref name="quiet"/>.</summary>
    public async Task ExpectNoDeliveryAsync(TimeSpan quiet)
    {
        try
        {
            var delivery = await ReceiveAsync(quiet, acknowledge: false);
            throw new Xunit.Sdk.XunitException($"unexpected delivery: {delivery}");
        }
        catch (TimeoutException)
        {
        }
    }

    public Task SendAsync(string line) => _client.SendAsync(line);

    public Task<List<string>> ReadUntilAsync(string code, TimeSpan timeout) => _client.ReadUntilAsync(code, timeout);

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1);
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}

internal sealed record AgentDelivery(string Id, string From, string FromTty, int Hops, IReadOnlyList<string> Body);
