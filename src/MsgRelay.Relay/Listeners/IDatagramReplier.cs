namespace MsgRelay.Relay.Listeners;

/// <summary>Sends a datagram's answer; the UDP socket in production, a probe in tests.</summary>
public interface IDatagramReplier
{
    /// <summary>Sends <paramref name="data"/> to where <paramref name="datagram"/> came from.</summary>
    void Reply(DatagramReceived datagram, ReadOnlyMemory<byte> data);
}
