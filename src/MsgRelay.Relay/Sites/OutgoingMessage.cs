using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// One message as the Forwarder sends it to a next hop: <c>FROM</c> <see cref="FromUser"/>,
/// <c>FHST</c> <see cref="Origin"/> and <see cref="Forwarders"/>, <c>FWDS</c> <see cref="Hops"/>,
/// <c>TO</c> <see cref="To"/>, the body (lines separated by '\n') and <c>SEND</c>.
/// </summary>
public sealed record OutgoingMessage(string FromUser, string Origin, IReadOnlyList<string> Forwarders, int Hops, Recipient To, string Body);

/// <summary>The far side's answer to one forwarded message: the deciding code and any autoreply texts (decoded).</summary>
public sealed record HopAnswer(int Code, IReadOnlyList<string> Autoreplies)
{
    /// <summary>An answer without autoreplies.</summary>
    public static HopAnswer Of(int code) => new(code, []);
}
