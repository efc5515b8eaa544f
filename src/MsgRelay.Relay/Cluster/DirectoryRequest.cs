using MsgRelay.Actors;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// One Route or VerifyRecipient whose directory entity lives on another node. Remoting is at most
/// once: a request sent to a node that then crashes is simply gone, and its sender would wait for
/// the front end's route timeout. So the request watches the owner's region and, when that node is
/// downed and removed, sends the request again to whichever node owns the shard now. The first
/// <see cref="DeliveryOutcome"/> goes to the asker.
/// </summary>
/// <remarks>
/// A resent Route can reach an agent twice if the crashed owner had delivered it just before dying;
/// a duplicate after a crash is preferred to a message lost after it was accepted.
/// </remarks>
public sealed class DirectoryRequest : ReceiveActor
{
    private const int MaxResends = 2;

    // Well above the front ends' route timeout: only a backstop so a request never lingers.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly IActorRef _region;
    private readonly ShardEnvelope _envelope;
    private readonly IActorRef _replyTo;
    private readonly IActorRef _ownerRegion;
    private int _resends;

    /// <summary>Creates the request; <paramref name="ownerRegion"/> is the region of the node that owns the shard now.</summary>
    public DirectoryRequest(IActorRef region, ShardEnvelope envelope, IActorRef replyTo, IActorRef ownerRegion)
    {
        _region = region;
        _envelope = envelope;
        _replyTo = replyTo;
        _ownerRegion = ownerRegion;
        Receive<DeliveryOutcome>(OnOutcome);
        Receive<Terminated>(_ => OnOwnerGone());
        Receive<ReceiveTimeout>(_ => Context.Stop(Self));
    }

    /// <summary>Props of a request.</summary>
    public static Props Props(IActorRef region, ShardEnvelope envelope, IActorRef replyTo, IActorRef ownerRegion) =>
        Actors.Props.Create(() => new DirectoryRequest(region, envelope, replyTo, ownerRegion));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.SetReceiveTimeout(GiveUpAfter);
        Context.Watch(_ownerRegion);
        _region.Tell(_envelope, Self);
    }

    private void OnOutcome(DeliveryOutcome outcome)
    {
        _replyTo.Tell(outcome);
        Context.Stop(Self);
    }

    private void OnOwnerGone()
    {
        if (++_resends > MaxResends)
        {
            return;
        }

        // The region reallocated when the owner was downed, before its removal ended this watch.
        _region.Tell(_envelope, Self);
    }
}
