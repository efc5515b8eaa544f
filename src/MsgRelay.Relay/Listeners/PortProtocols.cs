namespace MsgRelay.Relay.Listeners;

/// <summary>Which protocols a TCP port serves: one of them, or both with sniffing.</summary>
public enum PortProtocols
{
    /// <summary>MSP v1/v2 only: no sniff window.</summary>
    Msp,

    /// <summary>RWP only: greet at once.</summary>
    Rwp,

    /// <summary>Both, told apart by sniffing (PROTOCOLS.md section 4).</summary>
    Both,
}
