using MsgRelay.Protocols.Msp;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// Turns what a protocol reader produced into the relay's protocol-independent
/// <see cref="RelayMessage"/>: the sender's host is the transport peer (or RWP's FHST origin),
/// bodies keep line breaks as '\n', MSP's RECIP-TERM <c>*</c> means every terminal and
/// <c>[tty]</c> only a hint, <c>user@host</c> recipients are split.
/// </summary>
public static class IngressMapping
{
    /// <summary>Maps an MSP message that arrived by <paramref name="protocol"/> from <paramref name="peerHost"/>.</summary>
    public static RelayMessage FromMsp(MspMessage message, IngressProtocol protocol, string peerHost)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (user, host) = SplitUser(message.Recipient);
        var term = message.RecipientTerminal;
        var allTerminals = term == "*";
        var hint = !allTerminals && term.Length > 2 && term[0] == '[' && term[^1] == ']';
        string? tty = allTerminals || term.Length == 0 ? null : hint ? term[1..^1] : term;
        return new RelayMessage(
            new Recipient(user, host, tty, hint, allTerminals),
            new Sender(message.Sender, peerHost, message.SenderTerminal.Length == 0 ? null : message.SenderTerminal),
            NormaliseBody(message.Body),
            protocol,
            Cookie: message.Cookie.Length == 0 ? null : message.Cookie,
            SourceAddress: peerHost);
    }

    /// <summary>Maps an RWP SEND envelope; FHST's origin, when given, is the sender's host.</summary>
    public static RelayMessage FromRwp(RwpEnvelope envelope, IngressProtocol protocol, string peerHost)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var origin = envelope.HostPath?.Origin ?? peerHost;
        return new RelayMessage(
            ToRecipient(envelope.To),
            new Sender(envelope.From, origin),
            NormaliseBody(envelope.Body),
            protocol,
            Hops: envelope.ForwardCount ?? 0,
            ForwardPath: envelope.HostPath?.Forwarders,
            LocalOnly: envelope.LocalOnly,
            SourceAddress: peerHost);
    }

    /// <summary>The VRFY question for the current TO.</summary>
    public static VerifyRecipient ForVerify(RwpRecipient to, string? from, string peerHost, int? hops, bool localOnly)
    {
        ArgumentNullException.ThrowIfNull(to);
        return new VerifyRecipient(ToRecipient(to), new Sender(from ?? string.Empty, peerHost), hops ?? 0, localOnly);
    }

    /// <summary>An RWP TO argument as a relay recipient.</summary>
    public static Recipient ToRecipient(RwpRecipient to)
    {
        ArgumentNullException.ThrowIfNull(to);
        return new Recipient(to.User, to.Host, to.Tty, to.TtyIsHint);
    }

    /// <summary>CR LF becomes '\n': inside the relay a body has one line-break form (a lone CR stays, the display shows it).</summary>
    public static string NormaliseBody(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Contains('\r', StringComparison.Ordinal) ? body.Replace("\r\n", "\n", StringComparison.Ordinal) : body;
    }

    private static (string User, string? Host) SplitUser(string recipient)
    {
        var at = recipient.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 || at == recipient.Length - 1 ? (recipient, null) : (recipient[..at], recipient[(at + 1)..]);
    }
}
