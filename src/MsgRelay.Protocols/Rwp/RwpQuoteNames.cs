namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// QUOTE command names (<see cref="RwpEffect.Quote.Name"/> is upper-cased, so compare ordinally).
/// RFC 1756 reserves AGENT, CHARSET, IDENT, KEY and KEYID; the rest are MsgRelay's agent commands
/// (ARCHITECTURE.md "Agent sessions").
/// </summary>
public static class RwpQuoteNames
{
    /// <summary><c>QUOTE AGENT user [tty]</c>: register this connection as the user's agent session.</summary>
    public const string Agent = "AGENT";

    /// <summary>Reserved by RFC 1756; MsgRelay answers 679.</summary>
    public const string Charset = "CHARSET";

    /// <summary>Reserved by RFC 1756; MsgRelay answers 679.</summary>
    public const string Ident = "IDENT";

    /// <summary><c>QUOTE KEY token</c>: authenticate before AGENT for users with a configured key.</summary>
    public const string Key = "KEY";

    /// <summary>Reserved by RFC 1756; MsgRelay answers 679.</summary>
    public const string KeyId = "KEYID";

    /// <summary><c>QUOTE ACK id</c>: the agent acknowledges a 511 delivery.</summary>
    public const string Ack = "ACK";

    /// <summary><c>QUOTE MESG y|n</c>: accept or refuse messages.</summary>
    public const string Mesg = "MESG";

    /// <summary><c>QUOTE AWAY text</c>: set the autoreply; empty clears it.</summary>
    public const string Away = "AWAY";

    /// <summary><c>QUOTE ALLOW user[@host] glob</c>.</summary>
    public const string Allow = "ALLOW";

    /// <summary><c>QUOTE DENY glob</c>.</summary>
    public const string Deny = "DENY";

    /// <summary><c>QUOTE PING</c>: liveness check.</summary>
    public const string Ping = "PING";
}
