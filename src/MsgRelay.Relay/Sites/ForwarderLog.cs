using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Sites;

/// <summary>Log events of sites and forwarding; event ids 3300-3399 are stable.</summary>
internal static partial class ForwarderLog
{
    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Forwarded message for {Recipient} via {NextHop}: {Status} ({Reason})")]
    public static partial void Forwarded(ILogger logger, string recipient, string nextHop, string status, string reason);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Could not forward message for {Recipient}: {Reason}")]
    public static partial void ForwardFailed(ILogger logger, string recipient, string reason);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "Next hop failed for {Recipient}: {Failure}")]
    public static partial void NextHopFailed(ILogger logger, string recipient, string failure);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Warning, Message = "Refused to forward message for {Recipient}: {Reason} (path {Path})")]
    public static partial void LoopRefused(ILogger logger, string recipient, string reason, string path);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Message for {Recipient} arrived from site {LastSite} (origin {Origin}, FHST path {Path}, FWDS {Hops})")]
    public static partial void ForwardedArrival(ILogger logger, string recipient, string lastSite, string origin, string path, int hops);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "Circuit to next hop {NextHop} opened for {BreakDuration}")]
    public static partial void CircuitOpened(ILogger logger, string nextHop, TimeSpan breakDuration);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Information, Message = "Circuit to next hop {NextHop} closed")]
    public static partial void CircuitClosed(ILogger logger, string nextHop);
}
