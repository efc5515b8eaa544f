using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Sessions;
using Xunit;

namespace MsgRelay.Relay.Tests.Agents;

/// <summary>
/// Plays an RWP connection for one agent session: the probe stands in for the connection actor and
/// receives the session's ConnectionWrite/ConnectionClose; lines go in as AgentLines, one line each.
/// </summary>
internal sealed class AgentClient(TestProbe connection, IActorRef session)
{
    public TestProbe Connection { get; } = connection;

    public IActorRef Session { get; } = session;

    public void Send(string line) => Session.Tell(new AgentLines([line]));

    /// <summary>The text of the next write (lines joined with LF, as on the wire).</summary>
    public async Task<string> NextWriteAsync()
    {
        var write = await Connection.ExpectMsgAsync<ConnectionWrite>();
        return Latin1.Decode(write.Data.Span);
    }

    /// <summary>
    /// The text of the next writes until <paramref name="lineCount"/> lines have arrived: the session
    /// may send answers that were ready together in one write.
    /// </summary>
    public async Task<string> ReadLinesAsync(int lineCount)
    {
        var text = string.Empty;
        for (var writes = 0; writes < lineCount && text.Count(c => c == '\n') < lineCount; writes++)
        {
            text += await NextWriteAsync();
        }

        return text;
    }

    /// <summary>Sends a line and returns the answer's first line, checking that <c>100 Ready.</c> followed in the same write.</summary>
    public async Task<string> CommandAsync(string line)
    {
        Send(line);
        var text = await NextWriteAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("100 Ready.", lines[1]);
        return lines[0];
    }

    public async Task<string> LoginAsync(string user, string? tty = null)
    {
        var answer = await CommandAsync(tty is null ? $"QUOTE AGENT {user}" : $"QUOTE AGENT {user} {tty}");
        Assert.StartsWith("112 Agent ", answer);
        return answer;
    }

    /// <summary>The next write as a 511 delivery block.</summary>
    public async Task<RwpAgentDelivery> ExpectDeliveryAsync()
    {
        var text = await NextWriteAsync();
        var reader = new RwpAgentDeliveryReader();
        RwpAgentDelivery? delivery = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(RwpResponseParser.TryParse(line, out var reply), line);
            delivery ??= reader.Add(reply);
        }

        Assert.NotNull(delivery);
        return delivery;
    }
}
