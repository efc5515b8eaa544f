using Microsoft.Extensions.Logging;

namespace MsgRelay.Relay.Sessions;

/// <summary>Log events of <see cref="ConnectionActor"/> (event ids 1100-1199). Never message bodies.</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug, Message = "Connection from {Peer} speaks {Protocol}")]
    public static partial void ProtocolChosen(this ILogger logger, string peer, string protocol);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Rejected MSP message from {Peer}: {Reason}")]
    public static partial void MspRejected(this ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "RWP error from {Peer}: answered {Reply}")]
    public static partial void RwpError(this ILogger logger, string peer, string reply);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Over-long RWP line from {Peer}")]
    public static partial void LineTooLong(this ILogger logger, string peer);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "Closing connection from {Peer}: silent for {Idle}")]
    public static partial void IdleClosed(this ILogger logger, string peer, TimeSpan idle);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "The relay did not answer a message from {Peer} in time")]
    public static partial void RouteTimedOut(this ILogger logger, string peer);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug, Message = "Connection from {Peer} vanished ({Error}); a pending answer is discarded")]
    public static partial void PeerVanished(this ILogger logger, string peer, string error);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Debug, Message = "Connection from {Peer} handed over to an agent session")]
    public static partial void HandedOver(this ILogger logger, string peer);

    [LoggerMessage(EventId = 1108, Level = LogLevel.Debug, Message = "Closing connection from {Peer}: {Reason}")]
    public static partial void Closing(this ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 1109, Level = LogLevel.Information, Message = "Unknown QUOTE {Name} from {Peer}")]
    public static partial void UnknownQuote(this ILogger logger, string peer, string name);

    [LoggerMessage(EventId = 1110, Level = LogLevel.Debug, Message = "MSP message from {Peer} to {Recipient}: {Body}")]
    public static partial void MspBody(this ILogger logger, string peer, string recipient, string body);

    [LoggerMessage(EventId = 1111, Level = LogLevel.Warning, Message = "Connection from {Peer} closed by a fault of its transport: {Error}")]
    public static partial void TransportFault(this ILogger logger, string peer, string error);

    [LoggerMessage(EventId = 1130, Level = LogLevel.Information, Message = "Connection from {Peer} sent MSP after the sniff window; served as MSP after the RWP greeting (consider a longer msgrelay.listeners.sniff-window)")]
    public static partial void LateMsp(this ILogger logger, string peer);
}
