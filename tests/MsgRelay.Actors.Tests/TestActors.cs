namespace MsgRelay.Actors.Tests;

/// <summary>Small actors shared by several test classes.</summary>
internal sealed class Echo : ReceiveActor
{
    public Echo() => ReceiveAny(m => Sender.Tell(m, Self));
}

/// <summary>Forwards everything it receives to a target, keeping the original sender.</summary>
internal sealed class Forwarder : ReceiveActor
{
    public Forwarder(IActorRef target) => ReceiveAny(m => target.Tell(m, Sender));
}

/// <summary>Never replies.</summary>
internal sealed class Silent : ReceiveActor
{
    public Silent() => Receive<string>(_ => { });
}

internal sealed record Ping(int N);

internal sealed record Pong(int N);
