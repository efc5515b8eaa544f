namespace MsgRelay.Cluster;

internal sealed partial class ClusterHeartbeatSender
{
    private sealed record HeartbeatTick
    {
        public static HeartbeatTick Instance { get; } = new();
    }
}
