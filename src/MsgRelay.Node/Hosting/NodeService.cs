using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Node.Admin;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Cluster;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Telemetry;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// The node as the host's hosted service: the actor system, remoting and cluster membership, the
/// relay core and the front ends. The host's stop and the node's CoordinatedShutdown are one
/// sequence whichever starts it: the host stopping runs CoordinatedShutdown in <see cref="StopAsync"/>
/// and waits for it; CoordinatedShutdown started from inside (the node was downed, or left) asks the
/// host to stop, which then waits for the same run.
/// </summary>
internal sealed class NodeService : IHostedLifecycleService, IDisposable
{
    private readonly Config _config;
    private readonly NodeSettings _settings;
    private readonly RelaySettings _relaySettings;
    private readonly ListenerSettings _listenerSettings;
    private readonly NodeStart _start;
    private readonly PrometheusExporter _metrics;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private ActorSystem? _system;
    private NodeAdminView? _adminView;
    private RouteReload? _routeReload;

    public NodeService(NodeStart start, PrometheusExporter metrics, IHostApplicationLifetime lifetime, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _config = start.Config;
        _settings = start.Settings;
        _relaySettings = start.Relay;
        _listenerSettings = start.Listeners;
        _start = start;
        _metrics = metrics;
        _lifetime = lifetime;
        _services = services;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger("MsgRelay.Node");
    }

    /// <summary>The node's actor system once started; null before, and after a failed start.</summary>
    internal ActorSystem? System => _system;

    /// <summary>The admin endpoint's window on the node; exists once the node has started.</summary>
    public IAdminView AdminView => _adminView ?? throw new InvalidOperationException("The node has not started.");

    /// <summary>
    /// Starts the node before any other hosted service (the admin endpoint among them), so a taken
    /// port stops start-up before anything answers, and the admin endpoint always has a node to read.
    /// </summary>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (_settings.Logging.UsesLegacyJsonKey)
        {
            NodeLog.LegacyJsonKey(_log);
        }

        var system = ActorSystem.Create("msgrelay", _config, _loggerFactory);
        _system = system;
        // CoordinatedShutdown started from inside (downed, left) must stop the host too; hooked up
        // before anything else so that holds however early it starts. Started by the host: a no-op.
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "stop-host", () =>
        {
            _lifetime.StopApplication();
            return Task.CompletedTask;
        });
        // A system terminated without CoordinatedShutdown leaves nothing to serve either.
        _ = system.WhenTerminated.ContinueWith(_ => _lifetime.StopApplication(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _lifetime.ApplicationStopping.Register(() => NodeLog.ShutdownRequested(_log, shutdown.ShutdownReason?.ToString() ?? "stop requested"));
        try
        {
            // Always a cluster, a single node being a cluster of one: one code path for the directory.
            // Remoting binds msgrelay.cluster.port before the front ends, so a taken port stops the
            // node before it accepts anything. Shutdown phases then run in order: front ends unbind,
            // in-flight requests drain, the node leaves (its shards move to the others).
            var cluster = await Cluster.Cluster.StartAsync(system, _config, cancellationToken: cancellationToken).ConfigureAwait(false);
            var relay = RelayCore.Start(system, _relaySettings);
            ClusterGauges.Register(cluster, _relaySettings.NumberOfShards);
            RelayMetrics.Gauge("msgrelay.dead_letters", "{message}", "Messages sent to dead letters since the node started", () => [new Measurement<long>(system.DeadLetterCount)]);
            FrontEnds.Start(system, _listenerSettings, relay.Router, relay.AgentSessionProps);
            _adminView = new NodeAdminView(relay, cluster, _metrics);

            // SIGHUP re-reads the configuration and applies route changes without dropping connections
            // (docs/forwarding.md); without this handler the runtime's default would end the process.
            _routeReload = RouteReload.OnSighup(_start.ConfigFile, _start.Overrides, relay.Sites, _log);
        }
        catch
        {
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs after the admin endpoint started: reports it, and reports "up" once the node is a member.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (AdminEndpoints.BoundAddress(_services) is { } address)
        {
            NodeLog.AdminListening(_log, address);
        }

        // "is up" means a member of the cluster: a node of one is Up within a leader tick, a joining
        // node once the cluster admitted it, which may take long; start-up does not wait for it.
        var system = _system!;
        _ = Task.WhenAny(Cluster.Cluster.Get(system).WhenMemberUp, system.WhenTerminated).ContinueWith(
            _ =>
            {
                if (!system.WhenTerminated.IsCompleted && !_lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    NodeLog.Up(_log, _settings.NodeName, Environment.ProcessId);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The one CoordinatedShutdown run: stop accepting, drain, leave the cluster, terminate. It is
    /// bounded by its phase timeouts, and the host's shutdown timeout is set longer (NodeHost), so it
    /// is never cut short.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_system is null)
        {
            return;
        }

        await CoordinatedShutdown.Get(_system).Run(CoordinatedShutdown.ClrExitReason.Instance).ConfigureAwait(false);
        _routeReload?.Dispose();
        NodeLog.Stopped(_log, _settings.NodeName);
    }

    /// <summary>Ends a node whose start failed, without the shutdown phases (it never served).</summary>
    public async Task AbortAsync()
    {
        _routeReload?.Dispose();
        if (_system is { } system)
        {
            // Nothing is left for a later StopAsync to shut down.
            _system = null;
            await system.Terminate().ConfigureAwait(false);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _routeReload?.Dispose();
}
