using MsgRelay.Actors;

namespace MsgRelay.Cluster.Sharding.Tests;

/// <summary>Answers every string with "id@host:text", so a test sees which node hosts the entity.</summary>
internal sealed class NodeEntity : ReceiveActor
{
    public NodeEntity(string id)
    {
        var host = Cluster.Get(Context.System).SelfAddress.Host;
        Receive<string>(text => Sender.Tell($"{id}@{host}:{text}", Self));
    }
}
