using System.Collections.Concurrent;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Relay.Tests.Sites;

/// <summary>An <see cref="IHopClient"/> that answers by a script per next hop and records what it was sent.</summary>
internal sealed class ScriptedHopClient : IHopClient
{
    private readonly ConcurrentDictionary<NextHop, Func<OutgoingMessage, CancellationToken, Task<HopAnswer>>> _scripts = new();

    public ConcurrentQueue<(NextHop Hop, OutgoingMessage Message)> Sent { get; } = new();

    public int CallsTo(NextHop hop) => Sent.Count(s => s.Hop == hop);

    public void Answer(NextHop hop, Func<OutgoingMessage, CancellationToken, Task<HopAnswer>> script) => _scripts[hop] = script;

    public void Answer(NextHop hop, HopAnswer answer) => Answer(hop, (_, _) => Task.FromResult(answer));

    public void Fail(NextHop hop) => Answer(hop, (_, _) => Task.FromException<HopAnswer>(new IOException("connection refused")));

    public void Hang(NextHop hop) => Answer(hop, async (_, ct) =>
    {
        await Task.Delay(Timeout.Infinite, ct); // allowed: a next hop that never answers is the thing under test
        return HopAnswer.Of(103);
    });

    public Task<HopAnswer> SendAsync(NextHop hop, OutgoingMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue((hop, message));
        return _scripts.TryGetValue(hop, out var script)
            ? script(message, cancellationToken)
            : Task.FromException<HopAnswer>(new IOException("no script for " + hop));
    }
}
