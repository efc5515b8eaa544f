using Serilog;
using System.Globalization;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace MsgRelay.Node.Hosting;

/// <summary>Serilog set-up: structured console output with the actor path when an actor logged.</summary>
internal static class NodeLogging
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}  ({SourceContext} {ActorPath:l}){NewLine}{Exception}";

    public static Serilog.ILogger CreateLogger(LogEventLevel minimumLevel, bool json)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .Enrich.FromLogContext();
        configuration = json
            ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : configuration.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
        return configuration.CreateLogger();
    }
}
