using MsgRelay.Actors;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using Address = MsgRelay.Remote.Address;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// One Route or VerifyRecipient whose directory entity lives on another node. Remoting is at most
/// once: a request sent to a node that then crashes is simply gone, and its sender would wait for
/// the front end's route timeout. So when its parent (<see cref="DirectoryRequests"/>) reports that
/// node downed or removed, the request is sent again, once, to whichever node owns the shard now.
/// The first <see cref="DeliveryOutcome"/> goes to the asker.
/// </summary>
/// <remarks>
/// A resent Route can reach an agent twice if the crashed owner had delivered it just before dying;
/// a duplicate after a crash is preferred to a message lost after it was accepted. The request used
/// to watch the owner's region remotely instead: a watch and an unwatch crossed the network with
/// every message, and cross-node delivery ran a third slower for it (docs/PERFORMANCE.md, cluster).
/// </remarks>
public sealed class DirectoryRequest : ReceiveActor
{
    // Well above the front ends' route timeout: only a backstop so a request never lingers.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly IActorRef _region;
    private readonly ShardEnvelope _envelope;
    private readonly IActorRef _replyTo;
    private readonly Address _owner;
    private bool _resent;

    /// <summary>Creates the request; <paramref name="owner"/> is the node that owns the shard now.</summary>
    public DirectoryRequest(IActorRef region, ShardEnvelope envelope, IActorRef replyTo, Address owner)
    {
        _region = region;
        _envelope = envelope;
        _replyTo = replyTo;
        _owner = owner;
        Receive<DeliveryOutcome>(OnOutcome);
        Receive<DirectoryOwnerGone>(OnOwnerGone);
        Receive<ReceiveTimeout>(_ => Context.Stop(Self));
    }

    /// <summary>Props of a request.</summary>
    public static Props Props(IActorRef region, ShardEnvelope envelope, IActorRef replyTo, Address owner) =>
        Actors.Props.Create(() => new DirectoryRequest(region, envelope, replyTo, owner));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.SetReceiveTimeout(GiveUpAfter);
        _region.Tell(_envelope, Self);
    }

    private void OnOutcome(DeliveryOutcome outcome)
    {
        _replyTo.Tell(outcome);
        Context.Stop(Self);
    }

    private void OnOwnerGone(DirectoryOwnerGone gone)
    {
        if (_resent || gone.Owner != _owner)
        {
            return;
        }

        // The region reallocates the shard when its owner is downed.
        _resent = true;
        _region.Tell(_envelope, Self);
    }
}
