using Microsoft.Extensions.Logging;

namespace MsgRelay.Cluster.Sharding;

/// <summary>Sharding's log events; event ids are stable.</summary>
internal static partial class ShardingLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Region {TypeName} buffer is full ({Capacity}); dropped a {MessageType}")]
    public static partial void BufferFull(ILogger logger, string typeName, int capacity, string messageType);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Region {TypeName} hands off shard {ShardId} (now owned by {Owner})")]
    public static partial void HandOff(ILogger logger, string typeName, string shardId, string owner);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Region {TypeName} cannot send a {MessageType} to {Owner}: {Reason}")]
    public static partial void NotSerializable(ILogger logger, string typeName, string messageType, string owner, string reason);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Region {TypeName} serving: {Serving} over {Owners} member(s)")]
    public static partial void Serving(ILogger logger, string typeName, bool serving, int owners);
}
