using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// The byte stream a <see cref="ConnectionActor"/> owns. The transport reads outside the actor
/// and tells it <see cref="ConnectionReceived"/> and finally <see cref="ConnectionPeerClosed"/>;
/// after each <see cref="ConnectionReceived"/> it reads no more until <see cref="ResumeReading"/>,
/// so a client that sends faster than the relay answers is held back by TCP, not by memory.
/// </summary>
public interface IConnectionTransport
{
    /// <summary>The peer's address as text (no port): the sender host of what arrives.</summary>
    string PeerHost { get; }

    /// <summary>The peer's address and port, for logs.</summary>
    string PeerEndpoint { get; }

    /// <summary>Starts reading; every event goes to <paramref name="owner"/>.</summary>
    void Start(IActorRef owner);

    /// <summary>Allows the next read after a <see cref="ConnectionReceived"/>.</summary>
    void ResumeReading();

    /// <summary>Queues bytes to send; writes leave in call order, each as one send where the OS allows.</summary>
    void Write(ReadOnlyMemory<byte> data);

    /// <summary>Sends what is queued, then closes. Idempotent; nothing is reported to the owner afterwards.</summary>
    void Close();
}
