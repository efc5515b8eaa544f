using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Sessions;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Sessions;

/// <summary>An agent session stand-in for socket tests: answers every line through its connection, and closes it at QUIT.</summary>
public sealed class EchoAgent : ReceiveActor
{
    public EchoAgent(string peerHost)
    {
        Receive<AgentLines>(batch =>
        {
            foreach (var line in batch.Lines)
            {
                Answer(line ?? "(too long)", peerHost);
            }
        });
    }

    private void Answer(string line, string peerHost)
    {
        if (line == "QUIT")
        {
            Context.Parent.Tell(new ConnectionClose("quit"));
            return;
        }

        Context.Parent.Tell(new ConnectionWrite(Wire.Latin1("112 Agent from " + peerHost + ": " + line + "\n")));
    }
}
