using Microsoft.Extensions.Logging;

namespace MsgRelay.Node.Hosting;

/// <summary>Log events of route reloads; event ids 3350-3359 are stable (the sites range).</summary>
internal static partial class RouteReloadLog
{
    [LoggerMessage(EventId = 3350, Level = LogLevel.Information, Message = "Routes reloaded: {Routes} routes, {UserForwards} per-user forwards")]
    public static partial void Reloaded(ILogger logger, int routes, int userForwards);

    [LoggerMessage(EventId = 3351, Level = LogLevel.Warning, Message = "Route reload refused, the old routes stay: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);
}
