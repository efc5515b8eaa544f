using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// Every RWP response MsgRelay sends, in one place (PROTOCOLS.md section 3; ARCHITECTURE.md
/// "Replies per outcome"). Clients act on the code only, but the texts are fixed so logs, tests and
/// peers see the same words.
/// </summary>
public static class RwpReplies
{
    /// <summary>Sent after the greeting and after the answer to every command.</summary>
    public static readonly RwpReply Ready = new(100, "Ready.");

    /// <summary>Answer to QUIT and BYE; the server closes afterwards.</summary>
    public static readonly RwpReply Goodbye = new(101, "Goodbye.");

    /// <summary>SEND: delivered to the recipient on this site.</summary>
    public static readonly RwpReply Delivered = new(103, "Message delivered.");

    /// <summary>SEND: handed to another site.</summary>
    public static readonly RwpReply Forwarded = new(104, "Message forwarded.");

    /// <summary>FROM accepted.</summary>
    public static readonly RwpReply SenderOk = new(105, "Sender ok.");

    /// <summary>TO accepted.</summary>
    public static readonly RwpReply RecipientOk = new(106, "Recipient ok.");

    /// <summary>DATA body accepted.</summary>
    public static readonly RwpReply MessageOk = new(107, "Message ok.");

    /// <summary>VRFY: the recipient is here and can be sent to.</summary>
    public static readonly RwpReply RecipientOkToSend = new(108, "Recipient ok to send.");

    /// <summary>RSET done.</summary>
    public static readonly RwpReply RsetOk = new(109, "RSET ok.");

    /// <summary>VRFY: the recipient is on another site; see <see cref="RecipientOkToForwardTo"/> for the address form.</summary>
    public static readonly RwpReply RecipientOkToForward = new(110, "Recipient ok to forward.");

    /// <summary>FWDS accepted: below the hop limit, forwarding remains possible.</summary>
    public static readonly RwpReply ForwardCountOk = new(110, "Forward count ok.");

    /// <summary>FHST accepted.</summary>
    public static readonly RwpReply OriginalHostOk = new(111, "Original sender host ok.");

    /// <summary>QUOTE KEY accepted.</summary>
    public static readonly RwpReply KeyAccepted = new(112, "Key accepted.");

    /// <summary>QUOTE succeeded, no more to say.</summary>
    public static readonly RwpReply QuoteOk = new(112, "Ok.");

    /// <summary>Answer to DATA; body lines follow, no <c>100 Ready.</c> until the lone dot.</summary>
    public static readonly RwpReply EnterMessage = new(200, "Enter message.  Single dot '.' on line terminates.");

    /// <summary>Answer to PROT.</summary>
    public static readonly RwpReply ProtocolVersion = new(502, "RWP version 1.0.");

    /// <summary>The server is going down (fatal).</summary>
    public static readonly RwpReply ShuttingDown = new(666, "Server shutting down.");

    /// <summary>Any unparsable command, over-long line or bad argument.</summary>
    public static readonly RwpReply SyntaxError = new(668, "Syntax error.");

    /// <summary>The recipient refuses messages (mesg n, deny rule).</summary>
    public static readonly RwpReply Refused = new(669, "Message refused.");

    /// <summary>No session of the recipient (also used for unknown users unless a user list is configured).</summary>
    public static readonly RwpReply NotLoggedIn = new(670, "User not logged in.");

    /// <summary>Unknown user (only with a configured user list).</summary>
    public static readonly RwpReply NoSuchUser = new(671, "No such user.");

    /// <summary>DATA ended with an empty body; any earlier body is gone too.</summary>
    public static readonly RwpReply NoMessage = new(672, "No message.");

    /// <summary>SEND without FROM.</summary>
    public static readonly RwpReply SenderMissing = new(673, "Sender missing.");

    /// <summary>SEND or VRFY without TO.</summary>
    public static readonly RwpReply RecipientMissing = new(674, "Recipient missing.");

    /// <summary>SEND without a DATA body.</summary>
    public static readonly RwpReply MessageMissing = new(675, "Message missing.");

    /// <summary>FWDS at or over the hop limit: the message can only be delivered locally.</summary>
    public static readonly RwpReply ForwardLimitExceeded = new(676, "Forward limit exceeded.");

    /// <summary>The message would have to be forwarded and cannot be (hop limit, loop, next hop down).</summary>
    public static readonly RwpReply UnableToForward = new(677, "Unable to forward.");

    /// <summary>QUOTE failed.</summary>
    public static readonly RwpReply QuoteFailed = new(678, "QUOTE command failed.");

    /// <summary>QUOTE KEY rejected.</summary>
    public static readonly RwpReply KeyRejected = new(678, "Key rejected.");

    /// <summary>QUOTE with a name the server does not know.</summary>
    public static readonly RwpReply UnknownQuote = new(679, "Unknown QUOTE command.");

    /// <summary>DATA body over the byte limit (answered at the terminating dot).</summary>
    public static readonly RwpReply MessageTooLong = new(698, "Message too long.");

    /// <summary>DATA body over the line limit (answered at the terminating dot).</summary>
    public static readonly RwpReply TooManyLines = new(698, "Too many lines.");

    /// <summary>Code of autoreply lines per RFC 1756; the reference server uses 555.</summary>
    public const int AutoreplyCode = 300;

    /// <summary>Code of the reference implementation's autoreply lines (its clients accept only 555/556).</summary>
    public const int ReferenceAutoreplyCode = 555;

    /// <summary>Code of informational lines, agent deliveries included.</summary>
    public const int InformationCode = 511;

    /// <summary>Code of HELP lines.</summary>
    public const int HelpCode = 510;

    /// <summary>The HELP listing, one 510 line each.</summary>
    public static readonly IReadOnlyList<string> HelpLines =
    [
        "Valid commands are:",
        "    BYE, DATA, HELP, HELO, PROT, QUIT,",
        "    RSET, SEND, VER, VRFY",
        "    FROM senderlogin",
        "    FHST senderhost [forwarder ...]",
        "    TO recipientlogin[@host] [tty]",
        "    FWDS current_hop_count",
        "    QUOTE command [arguments]",
    ];

    /// <summary><c>110 Recipient ok to forward &lt;user@host&gt;.</c>, the one response with angle brackets.</summary>
    public static RwpReply RecipientOkToForwardTo(string user, string host) =>
        new(110, "Recipient ok to forward <" + Clean(user) + "@" + Clean(host) + ">.");

    /// <summary><c>500 Hello peer. This is me speaking.</c>, the answer to HELO and the first greeting line.</summary>
    public static RwpReply Hello(string peer, string localHost) =>
        new(500, "Hello " + Clean(peer) + ". This is " + Clean(localHost) + " speaking.");

    /// <summary>The answer to VER and the second greeting line.</summary>
    public static RwpReply Version(string serverVersion) => new(501, Clean(serverVersion));

    /// <summary><c>112 Agent alice on tty7 registered.</c></summary>
    public static RwpReply AgentRegistered(string user, string tty) =>
        new(112, "Agent " + Clean(user) + " on " + Clean(tty) + " registered.");

    /// <summary>A text made safe for a response line: no control codes, no angle brackets, no spaces lost.</summary>
    internal static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = Sanitiser.ForReply(text);
        return safe.AsSpan().ContainsAny('<', '>') ? safe.Replace('<', '(').Replace('>', ')') : safe;
    }
}
