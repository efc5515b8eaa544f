namespace MsgRelay.Relay.Routing;

/// <summary>
/// The one narrow interface between the front ends and the relay: Ask the router with <see cref="Route"/>
/// and get a <see cref="DeliveryOutcome"/> back, which the front end turns into its protocol's reply.
/// </summary>
public sealed record Route(RelayMessage Message);

/// <summary>RWP VRFY: could a message to <paramref name="To"/> from <paramref name="From"/> be delivered now? Answered with a <see cref="DeliveryOutcome"/>.</summary>
public sealed record VerifyRecipient(Recipient To, Sender From, int Hops = 0, bool LocalOnly = false);

/// <summary>The outcomes of ARCHITECTURE.md's reply table.</summary>
public enum DeliveryStatus
{
    Delivered,
    Forwarded,
    NotLoggedIn,
    Refused,
    NoSuchUser,
    ForwardFailed,
    Malformed,
}

/// <summary>
/// What became of a message. <see cref="Autoreplies"/> are away texts (RWP `300 |` lines before 103/104);
/// <see cref="ForwardedTo"/> is `user@host` for 110; <see cref="Reason"/> is the short text for MSP `-reason` and logs.
/// </summary>
public sealed record DeliveryOutcome(DeliveryStatus Status, string Reason, IReadOnlyList<string> Autoreplies, string? ForwardedTo = null)
{
    public bool IsSuccess => Status is DeliveryStatus.Delivered or DeliveryStatus.Forwarded;

    public static DeliveryOutcome Delivered(IReadOnlyList<string>? autoreplies = null) =>
        new(DeliveryStatus.Delivered, "delivered", autoreplies ?? []);

    public static DeliveryOutcome Forwarded(string forwardedTo, IReadOnlyList<string>? autoreplies = null) =>
        new(DeliveryStatus.Forwarded, "forwarded", autoreplies ?? [], forwardedTo);

    public static DeliveryOutcome NotLoggedIn(string user) => new(DeliveryStatus.NotLoggedIn, $"{user} is not logged in", []);

    public static DeliveryOutcome Refused(string user) => new(DeliveryStatus.Refused, $"{user} refuses messages", []);

    public static DeliveryOutcome NoSuchUser(string user) => new(DeliveryStatus.NoSuchUser, $"no such user {user}", []);

    public static DeliveryOutcome ForwardFailed(string reason) => new(DeliveryStatus.ForwardFailed, reason, []);

    public static DeliveryOutcome Malformed(string reason) => new(DeliveryStatus.Malformed, reason, []);
}
