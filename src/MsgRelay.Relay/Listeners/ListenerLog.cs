using System.Net;
using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Listeners;

/// <summary>Log events of the listeners and datagram actors (event ids 1000-1099). Never message bodies above Debug.</summary>
internal static partial class ListenerLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "listening on {Transport} {Endpoint} ({Protocols})")]
    public static partial void Listening(this ILogger logger, string transport, IPEndPoint endpoint, string protocols);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "stopped listening on {Transport} {Endpoint}")]
    public static partial void Unbound(this ILogger logger, string transport, IPEndPoint endpoint);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Refused connection from {Peer}: {Open} connections open, the limit is {Max}")]
    public static partial void ConnectionRefused(this ILogger logger, string peer, int open, int max);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Accept failed on {Endpoint}: {Error}")]
    public static partial void AcceptFailed(this ILogger logger, IPEndPoint endpoint, string error);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Dropped malformed {Protocol} datagram from {Peer}: {Reason}")]
    public static partial void DatagramMalformed(this ILogger logger, string protocol, string peer, string reason);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Duplicate MSP datagram from {Peer} (cookie {Cookie}) not routed again")]
    public static partial void DatagramDuplicate(this ILogger logger, string peer, string cookie);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Reply to {Peer} suppressed by the rate limit")]
    public static partial void ReplyRateLimited(this ILogger logger, string peer);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "The relay did not answer a datagram from {Peer} in time")]
    public static partial void DatagramRouteTimedOut(this ILogger logger, string peer);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "UDP receive failed on {Endpoint}: {Error}")]
    public static partial void ReceiveFailed(this ILogger logger, IPEndPoint endpoint, string error);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Debug, Message = "Datagram from {Peer} to {Recipient}: {Body}")]
    public static partial void DatagramBody(this ILogger logger, string peer, string recipient, string body);
}
