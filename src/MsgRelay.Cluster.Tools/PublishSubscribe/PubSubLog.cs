using Microsoft.Extensions.Logging;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>Pub/sub log events; event ids are stable.</summary>
internal static partial class PubSubLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "Cannot publish a {MessageType} on topic {Topic} to other nodes: {Reason}")]
    public static partial void NotSerializable(ILogger logger, string topic, string messageType, string reason);
}
