using Microsoft.Extensions.Logging;

namespace MsgRelay.Cluster;

/// <summary>The cluster's log events; event ids are stable.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Cluster node {Self} starting; seed nodes: [{Seeds}]")]
    public static partial void Starting(ILogger logger, string self, string seeds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Node {Self} forms a new cluster")]
    public static partial void FormingCluster(ILogger logger, string self);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Node {Self} joined the cluster through {Contact}")]
    public static partial void Welcomed(ILogger logger, string self, string contact);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Member {Member} is {Status}")]
    public static partial void MemberStatusChanged(ILogger logger, string member, MemberStatus status);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Member {Member} is unreachable from {Self}")]
    public static partial void Unreachable(ILogger logger, string member, string self);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Member {Member} is reachable again from {Self}")]
    public static partial void Reachable(ILogger logger, string member, string self);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Split-brain strategy {Strategy} decided {Outcome}: downing [{Members}]")]
    public static partial void SplitBrainDecision(ILogger logger, DowningStrategy strategy, SplitBrainOutcome outcome, string members);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "This node {Self} was downed; shutting down: {ShutsDown}")]
    public static partial void SelfDowned(ILogger logger, string self, bool shutsDown);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "This node {Self} was removed from the cluster")]
    public static partial void SelfRemoved(ILogger logger, string self);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "New incarnation {Joining} of {Address}: downing the old one {Old}")]
    public static partial void NewIncarnation(ILogger logger, string joining, string address, string old);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Leader is now {Leader}")]
    public static partial void LeaderChanged(ILogger logger, string leader);
}
