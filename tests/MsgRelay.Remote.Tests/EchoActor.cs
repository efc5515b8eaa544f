using MsgRelay.Actors;

namespace MsgRelay.Remote.Tests;

/// <summary>Answers every string with "echo:" + the string, to whoever sent it.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => Receive<string>(text => Sender.Tell("echo:" + text, Self));
}
