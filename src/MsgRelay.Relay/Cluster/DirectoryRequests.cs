using MsgRelay.Actors;
using MsgRelay.Cluster;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// Parent of the <see cref="DirectoryRequest"/>s for other nodes' shards. The directory front
/// subscribes it to <see cref="MemberDowned"/> and <see cref="MemberRemoved"/>; a member that goes
/// is reported to every open request once (downed, then removed, is one loss), and each request
/// whose owner it was sends itself again. Open requests are few (one per message in flight to
/// another node) and members go rarely, so a broadcast beats keeping an index.
/// </summary>
public sealed class DirectoryRequests : ReceiveActor
{
    // Downed members already reported, until their removal: the removal then needs no report.
    private readonly HashSet<Remote.UniqueAddress> _downed = [];

    /// <summary>Starts requests to <paramref name="region"/>.</summary>
    public DirectoryRequests(IActorRef region)
    {
        Receive<StartDirectoryRequest>(start => Context.ActorOf(DirectoryRequest.Props(region, start.Envelope, Sender, start.Owner)));
        Receive<MemberDowned>(downed =>
        {
            if (_downed.Add(downed.Member.UniqueAddress))
            {
                ReportGone(downed.Member);
            }
        });
        Receive<MemberRemoved>(removed =>
        {
            if (!_downed.Remove(removed.Member.UniqueAddress))
            {
                ReportGone(removed.Member);
            }
        });
        // The subscription's first message: nobody has gone yet as far as open requests are concerned.
        Receive<CurrentClusterState>(_ => { });
    }

    /// <summary>Props of the parent.</summary>
    public static Props Props(IActorRef region) => Actors.Props.Create(() => new DirectoryRequests(region));

    private void ReportGone(Member member)
    {
        var gone = new DirectoryOwnerGone(member.Address);
        foreach (var request in Context.Children)
        {
            request.Tell(gone);
        }
    }
}
