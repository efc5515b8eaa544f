using Microsoft.Extensions.Logging;

namespace MsgRelay.Remote;

/// <summary>Remoting's log events (category "MsgRelay.Remote"); event ids are stable.</summary>
internal static partial class RemoteLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Remoting started on {Address}")]
    public static partial void Started(ILogger logger, string address);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Associated with {Remote} (uid {Uid}, {Direction})")]
    public static partial void Associated(ILogger logger, string remote, long uid, string direction);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Connect to {Remote} failed ({Reason}); retrying in {Backoff}")]
    public static partial void ConnectFailed(ILogger logger, string remote, TimeSpan backoff, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Send queue to {Remote} is full ({Capacity}); dropped a {MessageType}")]
    public static partial void QueueFull(ILogger logger, string remote, int capacity, string messageType);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Cannot serialize {MessageType} for {Recipient}: {Reason}")]
    public static partial void SerializationFailed(ILogger logger, string messageType, string recipient, string reason);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Dropped an inbound message from {Remote}: {Reason}")]
    public static partial void InboundDropped(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Connection to {Remote} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Rejected a connection: {Reason}")]
    public static partial void ConnectionRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Message {MessageType} to {Remote} is larger than msgrelay.remote.maximum-frame-size and was dropped")]
    public static partial void FrameTooLarge(ILogger logger, string messageType, string remote);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Fault injection is on (msgrelay.remote.testing, test only): remoting traffic with the peers named in {File} is dropped")]
    public static partial void FaultInjectionOn(ILogger logger, string file);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "Fault injection: dropping all remoting traffic with {Peers}")]
    public static partial void FaultInjectionChanged(ILogger logger, string peers);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "Closing the connection to {Remote} so the next message reconnects (it stopped answering)")]
    public static partial void AssociationReset(ILogger logger, string remote);
}
