using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Node.Admin;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using Serilog.Extensions.Logging;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// `msgrelay serve` as one .NET Generic Host: logging through the host's logger factory (Serilog),
/// the node as a hosted service (<see cref="NodeService"/>), the admin endpoint's Kestrel in the same
/// host, and the console lifetime turning SIGTERM and Ctrl-C into the host's stop, which runs the
/// node's CoordinatedShutdown once; the process then exits 0.
/// </summary>
internal static class NodeHost
{
    /// <summary>Exit code for a node that could not start (port in use, no privilege, bad config).</summary>
    public const int StartFailed = 2;

    // Beyond the phases' own budget: terminating the actor system after the last phase, and the
    // admin endpoint stopping after the node.
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(Config config, NodeSettings settings, string? configFile, IReadOnlyList<string> overrides, CancellationToken cancellationToken)
    {
        var start = new NodeStart(config, settings, RelaySettings.FromConfig(config), ListenerSettings.FromConfig(config), configFile, overrides);
        if (NodeLogging.FileProblem(settings.Logging.File) is { } logProblem)
        {
            await Console.Error.WriteLineAsync($"msgrelay: cannot start: {logProblem}").ConfigureAwait(false);
            return StartFailed;
        }

        using var host = Build(start);
        var node = host.Services.GetRequiredService<NodeService>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (StartupFailure.Describe(e, start.Listeners, settings) is { } reason)
        {
            await Console.Error.WriteLineAsync($"msgrelay: cannot start: {reason}").ConfigureAwait(false);
            await node.AbortAsync().ConfigureAwait(false);
            return StartFailed;
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // SIGTERM during start-up: stop whatever had started, in order, and exit as after any stop.
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        }

        using var cancelled = cancellationToken.Register(lifetime.StopApplication);
        await host.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The host waits for the node's StopAsync at most this long: CoordinatedShutdown's whole phase
    /// budget and a margin, so the host never cuts the ordered shutdown short.
    /// </summary>
    internal static TimeSpan ShutdownTimeout(ActorSystemSettings actors) =>
        CoordinatedShutdown.OrderedPhases
            .Select(phase => actors.CoordinatedShutdownPhaseTimeouts.TryGetValue(phase, out var timeout) ? timeout : actors.CoordinatedShutdownDefaultPhaseTimeout)
            .Aggregate(ShutdownMargin, (sum, timeout) => sum + timeout);

    /// <summary>The host of one node, built but not started.</summary>
    internal static IHost Build(NodeStart start)
    {
        var shutdownTimeout = ShutdownTimeout(ActorSystemSettings.FromConfig(start.Config));
        // A plain HostBuilder, not the default one: configuration is HOCON only, so no appsettings.json,
        // environment variables or command line reach the host.
        var builder = new HostBuilder()
            .UseConsoleLifetime(options => options.SuppressStatusMessages = true)
            .ConfigureLogging(logging =>
            {
                // Serilog decides levels (msgrelay.logging). The host's own records of a failed start
                // are muted: the node reports a start-up failure once, as one line on stderr.
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Trace);
                logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
                logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.None);
                // A provider, not AddSerilog: that would replace the host's logger factory and its filters.
                logging.AddProvider(new SerilogLoggerProvider(NodeLogging.CreateLogger(start.Settings.Logging), dispose: true));
            })
            .ConfigureServices(services => services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdownTimeout));

        // The admin endpoint's web service is registered before the node, so it starts after the node
        // and stops after it: /health/ready answers through the whole drain and leave.
        if (start.Settings.AdminPort != 0)
        {
            builder.AddAdminHttp(start.Settings.AdminHost, start.Settings.AdminPort);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton(start);
            services.AddSingleton<PrometheusExporter>();
            services.AddSingleton<NodeService>();
            services.AddHostedService(provider => provider.GetRequiredService<NodeService>());
            services.AddSingleton<IAdminView>(provider => provider.GetRequiredService<NodeService>().AdminView);
        });
        return builder.Build();
    }
}
