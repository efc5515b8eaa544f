using Microsoft.Extensions.Logging;

namespace MsgRelay.Node.Hosting;

internal static partial class NodeLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "MsgRelay node {SystemName} is up (pid {ProcessId})")]
    public static partial void Up(ILogger logger, string systemName, int processId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Shutting down ({Reason})")]
    public static partial void ShutdownRequested(ILogger logger, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "MsgRelay node {SystemName} stopped")]
    public static partial void Stopped(ILogger logger, string systemName);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "admin HTTP listening on {Address}")]
    public static partial void AdminListening(ILogger logger, string address);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "msgrelay.logging.json is read as msgrelay.logging.console.json; move it there, the old key will go")]
    public static partial void LegacyJsonKey(ILogger logger);
}
