using System.Globalization;
using MsgRelay.Hocon;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// The <c>msgrelay.site</c> and <c>msgrelay.routing</c> sections: who this site is, which hosts are
/// local, where other hosts are forwarded, per-user forwards and the hop limit.
/// </summary>
public sealed record SiteSettings
{
    /// <summary>This site's name, written into FHST paths; empty in config means the node's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Host globs this site answers for (<c>b.example</c>, <c>*.b.example</c>).</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>Routes to other sites, first match wins.</summary>
    public IReadOnlyList<SiteRoute> Routes { get; init; } = [];

    /// <summary>Per-user forwards: local user name (case-insensitive) to <c>user@host</c>.</summary>
    public IReadOnlyDictionary<string, string> UserForwards { get; init; } = new Dictionary<string, string>(NameComparison.Comparer);

    /// <summary>FWDS at or above this is refused (676) and never forwarded further.</summary>
    public int MaxHops { get; init; } = 8;

    /// <summary>The RWP client's timeouts, pool and circuit breaker.</summary>
    public ForwarderSettings Forwarder { get; init; } = new();

    /// <summary>Reads both sections from a resolved config with the reference defaults as fallback.</summary>
    /// <exception cref="HoconException">A bad value; the message names the full key path.</exception>
    public static SiteSettings FromConfig(Config config, string nodeName)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(nodeName);
        var name = config.GetString("msgrelay.site.name").Trim();
        if (name.Contains(' ', StringComparison.Ordinal))
        {
            throw new HoconException($"msgrelay.site.name: \"{name}\" must be one word (it travels in RWP's FHST line)");
        }

        var maxHops = config.GetInt("msgrelay.routing.max-hops");
        if (maxHops is < 1 or > 255)
        {
            throw new HoconException(string.Create(CultureInfo.InvariantCulture, $"msgrelay.routing.max-hops: must be between 1 and 255, was {maxHops}"));
        }

        return new SiteSettings
        {
            Name = name.Length > 0 ? name : nodeName,
            Domains = NonEmpty(config.GetStringList("msgrelay.site.domains"), "msgrelay.site.domains"),
            Routes = ReadRoutes(config),
            UserForwards = ReadUserForwards(config),
            MaxHops = maxHops,
            Forwarder = ForwarderSettings.FromConfig(config),
        };
    }

    private static List<SiteRoute> ReadRoutes(Config config)
    {
        var routes = new List<SiteRoute>();
        var entries = config.GetConfigList("msgrelay.routing.routes");
        for (var i = 0; i < entries.Count; i++)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"msgrelay.routing.routes[{i}]");
            var entry = entries[i];
            foreach (var child in entry.GetChildKeys())
            {
                if (child is not ("domains" or "via"))
                {
                    throw new HoconException($"{key}.{child}: unknown key (a route has only domains and via)");
                }
            }

            if (!entry.HasPath("domains") || !entry.HasPath("via"))
            {
                throw new HoconException($"{key}: a route needs both domains and via");
            }

            var domains = NonEmpty(entry.GetStringList("domains"), key + ".domains");
            var via = entry.GetStringList("via");
            if (domains.Count == 0 || via.Count == 0)
            {
                throw new HoconException($"{key}: domains and via must not be empty");
            }

            routes.Add(new SiteRoute(domains, [.. via.Select((v, j) => NextHop.Parse(v, string.Create(CultureInfo.InvariantCulture, $"{key}.via[{j}]")))]));
        }

        return routes;
    }

    private static Dictionary<string, string> ReadUserForwards(Config config)
    {
        var forwards = new Dictionary<string, string>(NameComparison.Comparer);
        var users = config.GetConfigOrEmpty("msgrelay.routing.users");
        foreach (var user in users.GetChildKeys())
        {
            var target = users.GetString(user).Trim();
            var at = target.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == target.Length - 1 || target.IndexOf('@', at + 1) >= 0 || target.Contains(' ', StringComparison.Ordinal))
            {
                throw new HoconException($"msgrelay.routing.users.{user}: \"{target}\" is not an address of the form user@host");
            }

            forwards[user] = target;
        }

        return forwards;
    }

    private static List<string> NonEmpty(IReadOnlyList<string> globs, string key)
    {
        var list = new List<string>(globs.Count);
        for (var i = 0; i < globs.Count; i++)
        {
            var glob = globs[i].Trim();
            if (glob.Length == 0)
            {
                throw new HoconException(string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]: empty domain"));
            }

            list.Add(glob);
        }

        return list;
    }
}
