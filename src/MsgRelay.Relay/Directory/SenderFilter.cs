using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// One QUOTE ALLOW or QUOTE DENY rule: a <c>user[@host]</c> glob. Without <c>@host</c> the rule
/// matches the user from any host.
/// </summary>
public sealed record SenderFilter(bool Allow, string UserGlob, string? HostGlob)
{
    /// <summary>Parses <c>user[@host]</c>; false for an empty part or more than one <c>@</c>.</summary>
    public static bool TryParse(bool allow, string text, out SenderFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(text);
        filter = null;
        var parts = text.Split('@');
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length == 0) || text.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        filter = new SenderFilter(allow, parts[0], parts.Length == 2 ? parts[1] : null);
        return true;
    }

    /// <summary>Whether the rule applies to <paramref name="sender"/>.</summary>
    public bool Matches(Sender sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        return Glob.IsMatch(UserGlob, sender.User) && (HostGlob is null || Glob.IsMatch(HostGlob, sender.Host));
    }

    /// <summary>
    /// Whether a list of rules lets <paramref name="sender"/> through: the last rule that matches
    /// decides, and no matching rule means allowed. So <c>DENY *</c> then <c>ALLOW alice</c> admits
    /// only alice, and a later rule always overrides an earlier one, as an agent typing them expects.
    /// </summary>
    public static bool Admits(IReadOnlyList<SenderFilter> rules, Sender sender)
    {
        ArgumentNullException.ThrowIfNull(rules);
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Matches(sender))
            {
                return rules[i].Allow;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string ToString() => (Allow ? "ALLOW " : "DENY ") + UserGlob + (HostGlob is null ? string.Empty : "@" + HostGlob);
}
