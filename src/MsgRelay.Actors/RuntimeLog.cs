using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors;

/// <summary>The runtime's own log events (category "MsgRelay.Actors"); event ids are stable.</summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Actor {ActorPath} failed ({Directive}): {Reason}")]
    public static partial void ActorFailed(ILogger logger, Exception exception, string actorPath, Directive directive, string reason);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Actor {ActorPath} failed and resumes: {Reason}")]
    public static partial void ActorFailedResumed(ILogger logger, Exception exception, string actorPath, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Actor {ActorPath} restarted after {ExceptionType}")]
    public static partial void ActorRestarted(ILogger logger, string actorPath, string exceptionType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Actor {ActorPath} exceeded {MaxNrOfRetries} restarts and is stopped")]
    public static partial void RestartLimitReached(ILogger logger, string actorPath, int maxNrOfRetries);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "{Hook} of {ActorPath} threw")]
    public static partial void HookFailed(ILogger logger, Exception exception, string actorPath, string hook);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Error, Message = "Actor {ActorPath} failed while stopping")]
    public static partial void FailedWhileStopping(ILogger logger, Exception exception, string actorPath);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "Message [{MessageType}] from {Sender} to {Recipient} was not delivered. [{Count}] dead letters encountered")]
    public static partial void DeadLetter(ILogger logger, string messageType, string sender, string recipient, long count);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Further dead letters are not logged (limit {Limit} reached); they are still published on the event stream")]
    public static partial void DeadLettersSuppressed(ILogger logger, int limit);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "Scheduled action failed")]
    public static partial void ScheduledActionFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "Coordinated shutdown started, reason {Reason}")]
    public static partial void ShutdownStarted(ILogger logger, string reason);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Debug, Message = "Coordinated shutdown phase {Phase} starts {TaskCount} task(s)")]
    public static partial void ShutdownPhaseStarted(ILogger logger, string phase, int taskCount);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Warning, Message = "Coordinated shutdown phase {Phase} timed out after {Timeout}; unfinished tasks: {Tasks}")]
    public static partial void ShutdownPhaseTimedOut(ILogger logger, string phase, TimeSpan timeout, string tasks);

    [LoggerMessage(EventId = 1033, Level = LogLevel.Warning, Message = "Coordinated shutdown task {Task} in phase {Phase} failed")]
    public static partial void ShutdownTaskFailed(ILogger logger, Exception exception, string phase, string task);

    [LoggerMessage(EventId = 1034, Level = LogLevel.Warning, Message = "Coordinated shutdown task {Task} added to phase {Phase} after that phase ran; ignored")]
    public static partial void ShutdownTaskTooLate(ILogger logger, string phase, string task);

    [LoggerMessage(EventId = 1040, Level = LogLevel.Debug, Message = "Actor system {SystemName} terminated")]
    public static partial void SystemTerminated(ILogger logger, string systemName);
}
