using MsgRelay.Actors;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// The byte stream a <see cref="ConnectionActor"/> owns. The transport reads outside the actor
/// and tells it <see cref="ConnectionReceived"/> and finally <see cref="ConnectionPeerClosed"/>.
/// It keeps reading until the actor calls <see cref="PauseReading"/> (at most one more read may
/// still arrive), so a client that sends faster than the relay answers is held back by TCP, not by
/// memory, while the usual exchange costs no extra hand-shake between actor and reader.
/// </summary>
public interface IConnectionTransport
{
    /// <summary>The peer's address as text (no port): the sender host of what arrives.</summary>
    string PeerHost { get; }

    /// <summary>The peer's address and port, for logs.</summary>
    string PeerEndpoint { get; }

    /// <summary>Starts reading; every event goes to <paramref name="owner"/>.</summary>
    void Start(IActorRef owner);

    /// <summary>Stops reading after the current read, until <see cref="ResumeReading"/>.</summary>
    void PauseReading();

    /// <summary>Reads again after <see cref="PauseReading"/>.</summary>
    void ResumeReading();

    /// <summary>Queues bytes to send; writes leave in call order, each as one send where the OS allows.</summary>
    void Write(ReadOnlyMemory<byte> data);

    /// <summary>Sends what is queued, then closes. Idempotent; nothing is reported to the owner afterwards.</summary>
    void Close();
}
