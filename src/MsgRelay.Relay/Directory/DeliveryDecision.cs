using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// The outcome rules of the user directory as pure functions: what to answer when nobody can be
/// delivered to, and what the acknowledgements add up to.
/// </summary>
public static class DeliveryDecision
{
    /// <summary>
    /// The answer for a choice without sessions: 671 only when a user list is configured and the
    /// user is not on it (so names cannot be probed otherwise), 670 for no session or no such
    /// terminal, 669 for refused. Null when <paramref name="choice"/> chose sessions.
    /// </summary>
    public static DeliveryOutcome? WithoutDelivery(SessionChoice choice, string user, bool hasUserList, bool isListed)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Kind switch
        {
            SessionChoiceKind.NoSession when hasUserList && !isListed => DeliveryOutcome.NoSuchUser(user),
            SessionChoiceKind.NoSession => DeliveryOutcome.NotLoggedIn(user),
            SessionChoiceKind.NoSuchTerminal => DeliveryOutcome.NotLoggedIn(user) with { Reason = $"{user} is not logged in on that terminal" },
            SessionChoiceKind.Refused => DeliveryOutcome.Refused(user),
            _ => null,
        };
    }

    /// <summary>
    /// The away texts of the chosen sessions, each once, in session order: what the sender gets back as
    /// autoreply lines.
    /// </summary>
    public static IReadOnlyList<string> Autoreplies(IEnumerable<SessionEntry> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        return [.. chosen.Select(s => s.Preferences.AwayText).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// After delivering: delivered when at least one session acknowledged in time. Otherwise the
    /// sender is told "not delivered" with status <see cref="DeliveryStatus.NotLoggedIn"/> (RWP 670,
    /// MSP <c>-reason</c>, no UDP ack): no agent of the user took the message, which to a sender is what
    /// "not logged in" means, and it must never read as delivered.
    /// </summary>
    public static DeliveryOutcome AfterDelivery(int acknowledged, string user, IReadOnlyList<string> autoreplies)
    {
        ArgumentNullException.ThrowIfNull(autoreplies);
        return acknowledged > 0
            ? DeliveryOutcome.Delivered(autoreplies)
            : new DeliveryOutcome(DeliveryStatus.NotLoggedIn, $"not delivered: {user} did not acknowledge the message", autoreplies);
    }
}
