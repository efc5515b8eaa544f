using MsgRelay.Actors;
using MsgRelay.Cluster.Sharding;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using ClusterMembership = MsgRelay.Cluster.Cluster;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The directory as the rest of the relay sees it on a cluster node: passes everything to the shard
/// region, except Route and VerifyRecipient for a shard another node owns, which get a
/// <see cref="DirectoryRequest"/> so a crash of that node cannot leave their sender unanswered.
/// </summary>
public sealed class DirectoryFront : ReceiveActor
{
    private readonly IActorRef _region;
    private readonly DirectoryShardExtractor _extractor;
    private readonly ClusterMembership _cluster;
    private readonly string _regionPath;

    /// <summary>Creates the front of <paramref name="region"/>.</summary>
    public DirectoryFront(IActorRef region, int numberOfShards)
    {
        _region = region;
        _extractor = new DirectoryShardExtractor(numberOfShards);
        _cluster = ClusterMembership.Get(Context.System);
        _regionPath = region.Path.ToStringWithoutAddress();
        Receive<ShardEnvelope>(e => e.Message is Route or VerifyRecipient, OnRequest);
        ReceiveAny(m => _region.Tell(m, Sender));
    }

    /// <summary>Props of the front.</summary>
    public static Props Props(IActorRef region, int numberOfShards) => Actors.Props.Create(() => new DirectoryFront(region, numberOfShards));

    private void OnRequest(ShardEnvelope envelope)
    {
        var owner = new ShardAllocation(_cluster.State).OwnerOf(_extractor.ShardId(envelope));
        if (owner is null || owner == _cluster.SelfAddress)
        {
            _region.Tell(envelope, Sender);
            return;
        }

        Context.ActorOf(DirectoryRequest.Props(_region, envelope, Sender, _cluster.Remoting.RemoteRef(owner, _regionPath)));
    }
}
