using System.Text;
using MsgRelay.Actors;
using MsgRelay.Relay.Sessions;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>A write the actor made through its transport: one call, so one TCP send.</summary>
public sealed record TransportWrite(byte[] Data)
{
    public string Text => Encoding.Latin1.GetString(Data);
}

/// <summary>The actor closed its transport.</summary>
public sealed record TransportClosed;

/// <summary>
/// A connection transport for actor tests: every write and the close go to a probe as messages,
/// and the test plays the client by telling the actor <see cref="ConnectionReceived"/>.
/// </summary>
public sealed class FakeTransport(IActorRef probe, string peerHost = "192.0.2.7") : IConnectionTransport
{
    private int _paused;
    private int _closed;

    public string PeerHost { get; } = peerHost;

    public string PeerEndpoint => PeerHost + ":40000";

    public IActorRef? Owner { get; private set; }

    public bool IsPaused => Volatile.Read(ref _paused) == 1;

    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    public void Start(IActorRef owner) => Owner = owner;

    public void PauseReading() => Volatile.Write(ref _paused, 1);

    public void ResumeReading() => Volatile.Write(ref _paused, 0);

    public void Write(ReadOnlyMemory<byte> data)
    {
        if (!IsClosed)
        {
            probe.Tell(new TransportWrite(data.ToArray()));
        }
    }

    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            probe.Tell(new TransportClosed());
        }
    }
}
