using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Agents;

/// <summary>Log events of agent sessions; event ids 3000-3099 are stable.</summary>
internal static partial class AgentSessionLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Agent {User} logged in on {Tty} from {Peer}")]
    public static partial void LoggedIn(ILogger logger, string user, string tty, string peer);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Agent {User} on {Tty} logged out")]
    public static partial void LoggedOut(ILogger logger, string user, string tty);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Key rejected from {Peer} (user {User}): {Reason}")]
    public static partial void KeyRejected(ILogger logger, string peer, string user, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Key attempts from {Peer} refused: more than {Limit} failures in a minute")]
    public static partial void KeyRateLimited(ILogger logger, string peer, int limit);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} to {User} on {Tty} not acknowledged: {Reason}")]
    public static partial void NotAcknowledged(ILogger logger, string deliveryId, string user, string tty, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Debug, Message = "Agent line rejected ({Reason})")]
    public static partial void LineRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Warning, Message = "Agent {User} from {Peer}: the directory did not confirm the registration in time")]
    public static partial void RegistrationTimedOut(ILogger logger, string user, string peer);
}
