using MsgRelay.Protocols.Text;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// Where a <c>user@host</c> belongs, decided from the configuration alone (pure, so every rule has
/// its own test). A host is local when it matches one of the site's domain globs or one of this
/// node's own names (<see cref="LocalNames"/>: the node name, the site name, <c>localhost</c>, the
/// machine name and the machine's IP addresses); a recipient without a host is local. Any other host
/// takes the first route whose domain globs match it. A node with neither domains nor routes
/// configured treats every host as local.
/// </summary>
public sealed class RoutingTable
{
    private readonly SiteSettings _settings;
    private readonly HashSet<string> _localNames;

    /// <summary>Builds the table; <paramref name="localNames"/> are this node's own names and addresses.</summary>
    public RoutingTable(SiteSettings settings, IEnumerable<string> localNames)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(localNames);
        _settings = settings;
        _localNames = new HashSet<string>(localNames.Where(n => n.Length > 0), NameComparison.Comparer) { "localhost" };
        if (settings.Name.Length > 0)
        {
            _localNames.Add(settings.Name);
        }
    }

    /// <summary>The settings the table was built from.</summary>
    public SiteSettings Settings => _settings;

    /// <summary>Names that always mean this node.</summary>
    public IReadOnlyCollection<string> LocalNames => _localNames;

    /// <summary>
    /// True when no site is configured at all (no domains, no routes: a lone node, where any
    /// <c>user@host</c> means a user of this node, as before sites existed).
    /// </summary>
    public bool IsStandalone => _settings.Domains.Count == 0 && _settings.Routes.Count == 0;

    /// <summary>True when <paramref name="host"/> is served here: no host, a local name, a site domain, or any host on a standalone node.</summary>
    public bool IsLocal(string? host) =>
        string.IsNullOrEmpty(host) || IsStandalone || _localNames.Contains(host) || _settings.Domains.Any(glob => Glob.IsMatch(glob, host));

    /// <summary>True when <paramref name="name"/>, found in an FHST path, is this site (its name or a domain).</summary>
    public bool IsThisSite(string name) =>
        NameComparison.NamesEqual(name, _settings.Name) || _settings.Domains.Any(glob => Glob.IsMatch(glob, name));

    /// <summary>The first route for <paramref name="host"/>, or null when none matches.</summary>
    public SiteRoute? FindRoute(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        foreach (var route in _settings.Routes)
        {
            if (route.Domains.Any(glob => Glob.IsMatch(glob, host)))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>
    /// Where <paramref name="to"/> actually goes: a local user with a per-user forward becomes the
    /// forward's address (terminal preferences kept); anyone else stays as addressed.
    /// </summary>
    public Recipient Resolve(Recipient to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (IsLocal(to.Host) && _settings.UserForwards.TryGetValue(to.User, out var target))
        {
            var at = target.IndexOf('@', StringComparison.Ordinal);
            return to with { User = target[..at], Host = target[(at + 1)..] };
        }

        return to;
    }
}
