using MsgRelay.Actors;
using MsgRelay.Cluster.Wire;

namespace MsgRelay.Cluster;

/// <summary>Answers heartbeats; kept apart from the core so a busy core never delays the answer.</summary>
internal sealed class ClusterHeartbeatReceiver : ReceiveActor
{
    public ClusterHeartbeatReceiver(Cluster cluster)
    {
        var self = GossipSerialization.ToData(cluster.SelfUniqueAddress);
        Receive<Heartbeat>(heartbeat => Sender.Tell(new HeartbeatRsp { From = self, Sequence = heartbeat.Sequence }, Self));
    }
}
