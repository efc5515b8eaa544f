namespace MsgRelay.Protocols;

/// <summary>Which protocol a connection or datagram on the shared port speaks.</summary>
public enum WireProtocol
{
    /// <summary>Not decidable yet from the bytes seen: wait for more or for the sniff window to end.</summary>
    Undecided,

    /// <summary>Message Send Protocol, version 1 or 2.</summary>
    Msp,

    /// <summary>Remote Write Protocol 1.0.</summary>
    Rwp,
}
