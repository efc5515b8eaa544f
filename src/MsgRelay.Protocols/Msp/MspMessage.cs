namespace MsgRelay.Protocols.Msp;

/// <summary>
/// One Message Send Protocol message, decoded from ISO 8859-1. Version 1 (RFC 1159) carries only
/// <see cref="Recipient"/>, <see cref="RecipientTerminal"/> and <see cref="Body"/>; the other parts
/// are empty strings. Version 2 (RFC 1312) carries all seven.
/// </summary>
/// <param name="Version">1 (revision octet <c>A</c>) or 2 (<c>B</c>).</param>
/// <param name="Recipient">User name; empty means any user of the destination system.</param>
/// <param name="RecipientTerminal">Terminal; empty lets the server pick, <c>*</c> means all.</param>
/// <param name="Body">The text, lines separated by CR LF exactly as received.</param>
/// <param name="Sender">Sender's user name (unverified).</param>
/// <param name="SenderTerminal">Sender's terminal.</param>
/// <param name="Cookie">Identifies retransmitted duplicates; 1 to 32 octets in version 2.</param>
/// <param name="Signature">Opaque token; empty means unverifiable.</param>
public sealed record MspMessage(
    int Version,
    string Recipient,
    string RecipientTerminal,
    string Body,
    string Sender,
    string SenderTerminal,
    string Cookie,
    string Signature)
{
    /// <summary>Largest encoded message, revision octet and all NULs included (RFC: fewer than 512).</summary>
    public const int MaxLength = 511;

    /// <summary>Largest cookie in octets (RFC 1312).</summary>
    public const int MaxCookieLength = 32;

    /// <summary>Builds a version 1 message.</summary>
    public static MspMessage V1(string recipient, string recipientTerminal, string body) =>
        new(1, recipient, recipientTerminal, body, string.Empty, string.Empty, string.Empty, string.Empty);

    /// <summary>True for a version 2 broadcast: empty recipient and terminal <c>*</c>.</summary>
    public bool IsBroadcast => Recipient.Length == 0 && RecipientTerminal == "*";
}
