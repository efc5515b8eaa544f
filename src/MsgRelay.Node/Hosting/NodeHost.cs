using System.Diagnostics.Metrics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Node.Admin;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Cluster;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Telemetry;
using Serilog.Extensions.Logging;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// The composition root of a node: logging, the actor system, the relay core, the front ends and the
/// admin endpoint on top of remoting and cluster membership, and the signal handling that turns SIGTERM and Ctrl-C into one CoordinatedShutdown
/// run, after which the process exits 0.
/// </summary>
internal static class NodeHost
{
    /// <summary>Exit code for a node that could not start (port in use, no privilege, bad config).</summary>
    public const int StartFailed = 2;

    public static async Task<int> RunAsync(Config config, NodeSettings settings, string? configFile, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var serilog = NodeLogging.CreateLogger(settings.Logging);
        using var loggerFactory = new SerilogLoggerFactory(serilog, dispose: true);
        var log = loggerFactory.CreateLogger("MsgRelay.Node");
        if (settings.Logging.UsesLegacyJsonKey)
        {
            NodeLog.LegacyJsonKey(log);
        }

        // Settings first: a bad value must stop the node before anything binds a port.
        var relaySettings = RelaySettings.FromConfig(config);
        var listenerSettings = ListenerSettings.FromConfig(config);

        // Created before anything else so no instrument is published unseen.
        using var metrics = new PrometheusExporter();
        var system = ActorSystem.Create("msgrelay", config, loggerFactory);
        var shutdown = CoordinatedShutdown.Get(system);
        AdminServer? admin = null;
        RelayCore relay;
        try
        {
            // Always a cluster, a single node being a cluster of one: one code path for the directory.
            // Remoting binds msgrelay.cluster.port before the front ends, so a taken port stops the
            // node before it accepts anything. Shutdown phases then run in order: front ends unbind,
            // in-flight requests drain, the node leaves (its shards move to the others), exit.
            var cluster = await Cluster.Cluster.StartAsync(system, config, cancellationToken: cancellationToken).ConfigureAwait(false);
            relay = RelayCore.Start(system, relaySettings);
            ClusterGauges.Register(cluster, relaySettings.NumberOfShards);
            RelayMetrics.Gauge("msgrelay.dead_letters", "{message}", "Messages sent to dead letters since the node started", () => [new Measurement<long>(system.DeadLetterCount)]);
            var frontEnds = FrontEnds.Start(system, listenerSettings, relay.Router, relay.AgentSessionProps);
            if (settings.AdminPort != 0)
            {
                admin = await AdminServer.StartAsync(settings.AdminHost, settings.AdminPort, new NodeAdminView(relay, cluster, metrics), loggerFactory, cancellationToken).ConfigureAwait(false);
                NodeLog.AdminListening(log, admin.Address.ToString());
                shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "admin-http-stop", () => admin.DisposeAsync().AsTask());
            }
        }
        catch (Exception e) when (StartupFailure.Describe(e, listenerSettings, settings) is { } reason)
        {
            await Console.Error.WriteLineAsync($"msgrelay: cannot start: {reason}").ConfigureAwait(false);
            await system.Terminate().ConfigureAwait(false);
            return StartFailed;
        }

        // Cancel the runtime's default (immediate exit) and run the ordered shutdown instead.
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            NodeLog.ShutdownRequested(log, context.Signal.ToString());
            _ = shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance);
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var cancelled = cancellationToken.Register(() => shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance));

        // SIGHUP re-reads the configuration and applies route changes without dropping connections
        // (docs/forwarding.md); without this handler the runtime's default would end the process.
        using var routeReload = RouteReload.OnSighup(configFile, overrides, relay.Sites, log);

        // "is up" means a member of the cluster: a node of one is Up within a leader tick, a joining
        // node once the cluster admitted it. A shutdown requested meanwhile ends the wait.
        await Task.WhenAny(Cluster.Cluster.Get(system).WhenMemberUp, system.WhenTerminated).ConfigureAwait(false);
        NodeLog.Up(log, settings.NodeName, Environment.ProcessId);
        await system.WhenTerminated.ConfigureAwait(false);
        NodeLog.Stopped(log, settings.NodeName);
        return 0;
    }
}
