namespace MsgRelay.Relay.Sites;

/// <summary>
/// Hop accounting for forwarding between sites (ARCHITECTURE.md "Sites and forwarding"). The next
/// site receives FWDS n+1 and refuses (676) anything at or above its max-hops, so this site forwards
/// only while n+1 stays below the limit: the refusal happens here, as 677, instead of one hop later.
/// Every rule only ever refuses, so a forwarding loop, however configured, ends.
/// </summary>
public static class HopRules
{
    /// <summary>The FWDS count the next site receives for a message that arrived with <paramref name="hops"/>.</summary>
    public static int NextCount(int hops) => Math.Max(hops, 0) + 1;

    /// <summary>
    /// Why a message that arrived with FWDS <paramref name="hops"/> must not be forwarded, or null
    /// when it may be. <paramref name="localOnly"/> is set by the front end after a 676.
    /// </summary>
    public static string? RefusalToForward(int hops, bool localOnly, int maxHops)
    {
        if (hops < 0)
        {
            return "autoreplies are never forwarded";
        }

        if (localOnly || NextCount(hops) >= maxHops)
        {
            return "forward limit reached";
        }

        return null;
    }

    /// <summary>
    /// Why a message whose FHST forwarders are <paramref name="forwarders"/> must not be forwarded by
    /// this site (it already passed here: a loop), or null.
    /// </summary>
    public static string? RefusalForLoop(IReadOnlyList<string> forwarders, RoutingTable table)
    {
        ArgumentNullException.ThrowIfNull(forwarders);
        ArgumentNullException.ThrowIfNull(table);
        return forwarders.Any(table.IsThisSite) ? "forwarding loop: this site is already in the path" : null;
    }

    /// <summary>The FHST forwarders the next site receives: the ones so far and then this site.</summary>
    public static IReadOnlyList<string> NextPath(IReadOnlyList<string> forwarders, string siteName)
    {
        ArgumentNullException.ThrowIfNull(forwarders);
        return [.. forwarders, siteName];
    }
}
