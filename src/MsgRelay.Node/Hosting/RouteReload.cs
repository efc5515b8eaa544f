using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// Applies route changes from the configuration file while the node runs: on SIGHUP (sent by
/// `msgrelay config reload` or `kill -HUP`) the file and overrides are read again and the site's
/// routing table (site.domains, routing.routes, routing.users) is swapped. No connection is touched:
/// messages being forwarded finish on the old table. An invalid file keeps the old table and is
/// logged, so a typo never takes routing down.
/// </summary>
internal sealed class RouteReload : IDisposable
{
    private readonly Func<Config> _load;
    private readonly SiteClassifier _sites;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private PosixSignalRegistration? _sighup;

    /// <summary>Creates the reloader; <paramref name="load"/> reads the configuration the way start-up did.</summary>
    public RouteReload(Func<Config> load, SiteClassifier sites, ILogger log)
    {
        _load = load;
        _sites = sites;
        _log = log;
    }

    /// <summary>Creates the reloader and makes SIGHUP run <see cref="Reload"/> instead of ending the process.</summary>
    public static RouteReload OnSighup(string? configFile, IReadOnlyList<string> overrides, SiteClassifier sites, ILogger log)
    {
        var reload = new RouteReload(() => NodeConfiguration.Load(configFile, overrides), sites, log);
        reload._sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            reload.Reload();
        });
        return reload;
    }

    /// <summary>Reads the configuration again and swaps the routes; null when done, else why not.</summary>
    public string? Reload()
    {
        lock (_gate)
        {
            try
            {
                var settings = RelaySettings.FromConfig(_load());
                _sites.Reload(settings.Sites, settings.NodeName);
                RouteReloadLog.Reloaded(_log, settings.Sites.Routes.Count, settings.Sites.UserForwards.Count);
                return null;
            }
            catch (Exception e) when (e is HoconException or ConfigurationException or IOException)
            {
                var reason = e is ConfigurationException c && c.Problems.Count > 0 ? string.Join("; ", c.Problems) : e.Message;
                RouteReloadLog.Rejected(_log, reason);
                return reason;
            }
        }
    }

    /// <summary>Stops listening for SIGHUP.</summary>
    public void Dispose() => _sighup?.Dispose();
}
