using Serilog;
using Serilog.Events;

namespace MsgRelay.Node.Hosting;

/// <summary>Serilog set-up: structured console output with the actor path when an actor logged.</summary>
internal static class NodeLogging
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}{ActorPath:l}: {Message:lj}{NewLine}{Exception}";

    public static Serilog.ILogger CreateLogger(LogEventLevel minimumLevel = LogEventLevel.Information) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
}
