using Microsoft.Extensions.Logging;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>Log events of the user directory entities; event ids 3100-3199 are stable.</summary>
internal static partial class UserDirectoryLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "User {User} registered a session on {Tty} at node {Node} ({Sessions} now)")]
    public static partial void SessionRegistered(ILogger logger, string user, string tty, string node, int sessions);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "User {User} lost the session on {Tty} at node {Node} ({Sessions} left)")]
    public static partial void SessionRemoved(ILogger logger, string user, string tty, string node, int sessions);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Debug, Message = "Message for {User} not delivered: {Status} ({Reason})")]
    public static partial void NotDelivered(ILogger logger, string user, DeliveryStatus status, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Debug, Message = "Directory of {User} rebuilt from the nodes' registries: {Sessions} sessions")]
    public static partial void Rebuilt(ILogger logger, string user, int sessions);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Copy of an MSP datagram for {User} (cookie {Cookie}) already routed by the cluster; not delivered again")]
    public static partial void DuplicateDropped(ILogger logger, string user, string cookie);
}
