using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Routing;

/// <summary>Log events of the router; event ids 3200-3299 are stable.</summary>
internal static partial class RouterLog
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Broadcast from {Address} refused: not in msgrelay.delivery.broadcast-from")]
    public static partial void BroadcastRefused(ILogger logger, string address);
}
