using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// What an agent session said about receiving messages: mesg y/n, its away text (empty: none) and its
/// ALLOW/DENY rules in the order given. Each session keeps its own, so a user's agents can differ.
/// </summary>
public sealed record SessionPreferences(bool MesgEnabled, string AwayText, IReadOnlyList<SenderFilter> Filters)
{
    /// <summary>A new session: accepts everyone, no away text.</summary>
    public static SessionPreferences Default { get; } = new(true, string.Empty, []);

    /// <summary>Whether a message from <paramref name="sender"/> may be shown by this session.</summary>
    public bool Accepts(Sender sender) => MesgEnabled && SenderFilter.Admits(Filters, sender);
}
