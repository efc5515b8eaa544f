namespace MsgRelay.Relay.Routing;

/// <summary>Which protocol and transport a message arrived by; decides how its outcome is answered.</summary>
public enum IngressProtocol
{
    Msp1Tcp,
    Msp1Udp,
    Msp2Tcp,
    Msp2Udp,
    RwpTcp,
    RwpUdp,
}

/// <summary>
/// Whom a message is for. <see cref="User"/> is empty for a broadcast (MSP empty RECIPIENT with RECIP-TERM `*`).
/// <see cref="Tty"/> null means "the server picks"; <see cref="TtyIsHint"/> is RWP's `[tty]` form;
/// <see cref="AllTerminals"/> is RECIP-TERM `*`.
/// </summary>
public sealed record Recipient(string User, string? Host = null, string? Tty = null, bool TtyIsHint = false, bool AllTerminals = false)
{
    public bool IsBroadcast => User.Length == 0 && AllTerminals;

    public override string ToString() => Host is null ? User : $"{User}@{Host}";
}

/// <summary>
/// Who sent a message. <see cref="Host"/> comes from the transport peer, or from FHST when another site
/// forwarded it; names are unverified, exactly as the protocols deliver them.
/// </summary>
public sealed record Sender(string User, string Host, string? Tty = null);

/// <summary>
/// One message on its way through the relay, independent of the protocol it arrived by.
/// <see cref="Body"/> keeps line breaks as '\n'. <see cref="Hops"/> is RWP's FWDS count (-1 marks an
/// autoreply, which is never forwarded); <see cref="ForwardPath"/> the FHST forwarders so far.
/// </summary>
public sealed record RelayMessage(
    Recipient To,
    Sender From,
    string Body,
    IngressProtocol Protocol,
    int Hops = 0,
    IReadOnlyList<string>? ForwardPath = null,
    bool LocalOnly = false,
    string? Cookie = null,
    string? SourceAddress = null)
{
    public IReadOnlyList<string> Forwarders => ForwardPath ?? [];
}
