using MsgRelay.Actors.TestKit;
using MsgRelay.Cluster;
using MsgRelay.Relay.Cluster;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using MsgRelay.Remote;
using Xunit;

namespace MsgRelay.Relay.Tests.Cluster;

/// <summary>Requests for another node's shard: answered once, sent again once when that node goes.</summary>
public sealed class DirectoryRequestTests : TestKit
{
    private static readonly Address NodeB = new("msgrelay", "10.0.0.2", 2552);
    private static readonly Address NodeC = new("msgrelay", "10.0.0.3", 2552);

    private static ShardEnvelope RouteTo(string user) =>
        new(user, new Route(new RelayMessage(new Recipient(user), new Sender("sandy", "h"), "hello", IngressProtocol.RwpTcp)));

    private static Member MemberAt(Address address, MemberStatus status) => new(new UniqueAddress(address, 42), status);

    [Fact]
    public async Task The_first_outcome_goes_to_the_asker_and_the_request_stops()
    {
        var region = CreateTestProbe();
        var asker = CreateTestProbe();
        var request = Sys.ActorOf(DirectoryRequest.Props(region.Ref, RouteTo("kim"), asker.Ref, NodeB));
        Watch(request);

        Assert.Equal("kim", (await region.ExpectMsgAsync<ShardEnvelope>()).EntityId);
        region.Reply(DeliveryOutcome.Delivered());

        Assert.Equal(DeliveryStatus.Delivered, (await asker.ExpectMsgAsync<DeliveryOutcome>()).Status);
        await ExpectTerminatedAsync(request);
    }

    [Fact]
    public async Task A_request_is_sent_again_once_when_its_owner_goes_and_not_for_another_node()
    {
        var region = CreateTestProbe();
        var request = Sys.ActorOf(DirectoryRequest.Props(region.Ref, RouteTo("kim"), CreateTestProbe().Ref, NodeB));
        await region.ExpectMsgAsync<ShardEnvelope>();

        request.Tell(new DirectoryOwnerGone(NodeC));
        await region.ExpectNoMsgAsync();

        request.Tell(new DirectoryOwnerGone(NodeB));
        Assert.Equal("kim", (await region.ExpectMsgAsync<ShardEnvelope>()).EntityId);
        request.Tell(new DirectoryOwnerGone(NodeB));
        await region.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task A_member_downed_and_then_removed_makes_its_requests_resend_once()
    {
        var region = CreateTestProbe();
        var requests = Sys.ActorOf(DirectoryRequests.Props(region.Ref));
        requests.Tell(new StartDirectoryRequest(RouteTo("kim"), NodeB), CreateTestProbe().Ref);
        requests.Tell(new StartDirectoryRequest(RouteTo("lee"), NodeC), CreateTestProbe().Ref);
        var first = new[] { await region.ExpectMsgAsync<ShardEnvelope>(), await region.ExpectMsgAsync<ShardEnvelope>() };
        Assert.Equal(["kim", "lee"], first.Select(e => e.EntityId).Order());

        requests.Tell(new MemberDowned(MemberAt(NodeB, MemberStatus.Down)));
        Assert.Equal("kim", (await region.ExpectMsgAsync<ShardEnvelope>()).EntityId);
        requests.Tell(new MemberRemoved(MemberAt(NodeB, MemberStatus.Removed), MemberStatus.Down));
        await region.ExpectNoMsgAsync();
    }

    [Fact]
    public async Task A_member_that_leaves_gracefully_makes_its_requests_resend_on_removal()
    {
        var region = CreateTestProbe();
        var requests = Sys.ActorOf(DirectoryRequests.Props(region.Ref));
        requests.Tell(new StartDirectoryRequest(RouteTo("kim"), NodeB), CreateTestProbe().Ref);
        await region.ExpectMsgAsync<ShardEnvelope>();

        requests.Tell(new MemberRemoved(MemberAt(NodeB, MemberStatus.Removed), MemberStatus.Exiting));

        Assert.Equal("kim", (await region.ExpectMsgAsync<ShardEnvelope>()).EntityId);
    }
}
