using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;
using Serilog.Extensions.Logging;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// The composition root of a node: logging, the actor system, and the signal handling that turns
/// SIGTERM and Ctrl-C into one CoordinatedShutdown run, after which the process exits 0.
/// </summary>
internal static class NodeHost
{
    public static async Task<int> RunAsync(Config config, NodeSettings settings, CancellationToken cancellationToken)
    {
        var serilog = NodeLogging.CreateLogger(settings.LogLevel, settings.JsonLogs);
        using var loggerFactory = new SerilogLoggerFactory(serilog, dispose: true);
        var log = loggerFactory.CreateLogger("MsgRelay.Node");

        var system = ActorSystem.Create("msgrelay", new ActorSystemSettings { LoggerFactory = loggerFactory });
        var shutdown = CoordinatedShutdown.Get(system);

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

        NodeLog.Up(log, system.Name, Environment.ProcessId);
        await system.WhenTerminated.ConfigureAwait(false);
        NodeLog.Stopped(log, system.Name);
        return 0;
    }
}
