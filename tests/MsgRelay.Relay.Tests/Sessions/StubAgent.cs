using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Sessions;

namespace MsgRelay.Relay.Tests.Sessions;

/// <summary>One line <see cref="StubAgent"/> was handed, as it reports it to the observer.</summary>
public sealed record AgentLine(string Line);

/// <summary>Reported by <see cref="StubAgent"/> when it stops.</summary>
public sealed record StubAgentStopped;

/// <summary>An agent session stand-in: passes every line to the observer (as itself), writes and closes through its parent connection when told to, and reports its stop.</summary>
public sealed class StubAgent : ReceiveActor
{
    private readonly IActorRef _observer;

    public StubAgent(IActorRef observer)
    {
        _observer = observer;
        Receive<AgentLines>(batch =>
        {
            foreach (var line in batch.Lines)
            {
                observer.Tell(line is null ? new AgentLine("(too long)") : new AgentLine(line), Self);
            }
        });
        Receive<ConnectionWrite>(write => Context.Parent.Tell(write, Self));
        Receive<ConnectionClose>(close => Context.Parent.Tell(close, Self));
    }

    protected override void PostStop() => _observer.Tell(new StubAgentStopped());
}
