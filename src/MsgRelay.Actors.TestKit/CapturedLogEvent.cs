using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors.TestKit;

/// <summary>One log event as the TestKit captured it, with structured and scope properties merged.</summary>
public sealed record CapturedLogEvent(
    LogLevel Level,
    string Category,
    EventId EventId,
    string Message,
    Exception? Exception,
    IReadOnlyDictionary<string, object?> Properties);
