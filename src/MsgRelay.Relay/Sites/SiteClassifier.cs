using System.Net;
using System.Net.NetworkInformation;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// The relay's <see cref="IRecipientClassifier"/> for a site with routes: local hosts stay local,
/// others are forwarded by their route when the hop rules allow, and everything else is answered
/// 677. The table can be swapped while the node runs (<see cref="Reload"/>); a classification reads
/// one table, so a message never sees half of an old and half of a new configuration.
/// </summary>
public sealed class SiteClassifier : IRecipientClassifier
{
    private volatile RoutingTable _table;

    /// <summary>Creates the classifier over <paramref name="table"/>.</summary>
    public SiteClassifier(RoutingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>The table in use now.</summary>
    public RoutingTable Table => _table;

    /// <summary>A classifier for this machine: node name, machine name and its IP addresses count as local.</summary>
    public static SiteClassifier ForThisMachine(SiteSettings settings, string nodeName) =>
        new(new RoutingTable(settings, MachineNames(nodeName)));

    /// <summary>Replaces the routing table; messages already being forwarded finish on the old one.</summary>
    public void Reload(SiteSettings settings, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _table = new RoutingTable(settings, MachineNames(nodeName));
    }

    /// <inheritdoc />
    public RouteDecision Classify(Recipient to, int hops, bool localOnly)
    {
        ArgumentNullException.ThrowIfNull(to);
        var table = _table;
        var target = table.Resolve(to);
        if (table.IsLocal(target.Host))
        {
            return RouteDecision.Local;
        }

        var route = table.FindRoute(target.Host!);
        if (route is null)
        {
            return RouteDecision.Reject(DeliveryOutcome.ForwardFailed($"no route to {target.Host}"));
        }

        var refusal = HopRules.RefusalToForward(hops, localOnly, table.Settings.MaxHops);
        return refusal is null
            ? new RouteDecision.Forward(target, route.Via)
            : RouteDecision.Reject(DeliveryOutcome.ForwardFailed(refusal));
    }

    /// <summary>The node name, the machine's host name and every address of its network interfaces.</summary>
    public static IReadOnlyList<string> MachineNames(string nodeName)
    {
        var names = new List<string> { nodeName, Environment.MachineName, IPAddress.Loopback.ToString(), IPAddress.IPv6Loopback.ToString() };
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                names.AddRange(nic.GetIPProperties().UnicastAddresses.Select(a => a.Address.ToString()));
            }
        }
        catch (NetworkInformationException)
        {
            // Without interface information only the names above count; a route or domain still works.
        }

        return names;
    }
}
