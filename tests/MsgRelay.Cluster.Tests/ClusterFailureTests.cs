using System.Diagnostics;
using MsgRelay.Actors;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tests;

public sealed class ClusterFailureTests(Xunit.Abstractions.ITestOutputHelper output) : MultiNodeClusterTest(output)
{
    private async Task<Cluster[]> StartThree(string extra = "")
    {
        var nodes = new[] { await StartNode(1, Seeds(1) + "\n" + extra), await StartNode(2, Seeds(1) + "\n" + extra), await StartNode(3, Seeds(1) + "\n" + extra) };
        foreach (var node in nodes)
        {
            await AwaitMembers(node, 3);
        }
        return nodes;
    }

    [Fact]
    public async Task Crashed_node_becomes_unreachable_and_is_downed_and_removed_by_the_majority_within_the_budget()
    {
        var nodes = await StartThree();
        nodes[0].Subscribe(TestActor, typeof(UnreachableMember), typeof(MemberDowned), typeof(MemberRemoved));
        await ExpectMsgAsync<CurrentClusterState>();
        var clock = Stopwatch.StartNew();

        Network.Crash(AddressOf(3));

        var unreachable = await ExpectMsgAsync<UnreachableMember>(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(AddressOf(3), unreachable.Member.Address);
        var downed = await ExpectMsgAsync<MemberDowned>(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(AddressOf(3), downed.Member.Address);
        var removed = await ExpectMsgAsync<MemberRemoved>(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(MemberStatus.Down, removed.PreviousStatus);
        // Test settings: detection ~1.4s + stable-after 1s + gossip; the production budget scales the same way.
        Assert.True(clock.Elapsed < Dilated(TimeSpan.FromSeconds(6)), $"took {clock.Elapsed}");
        await AwaitMembers(nodes[1], 2);
    }

    [Fact]
    public async Task Partition_two_against_one_the_minority_downs_itself_and_shuts_down_while_the_majority_keeps_running()
    {
        var nodes = await StartThree();

        Network.Block(AddressOf(3), AddressOf(1));
        Network.Block(AddressOf(3), AddressOf(2));

        await nodes[2].System.WhenTerminated.WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal(MemberStatus.Down, nodes[2].SelfMember.Status);
        await AwaitMembers(nodes[0], 2);
        await AwaitMembers(nodes[1], 2);
        Assert.False(nodes[0].System.WhenTerminated.IsCompleted);
        Assert.False(nodes[1].System.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task Partition_that_heals_before_downing_leaves_every_member_reachable_and_up()
    {
        var nodes = await StartThree("msgrelay.cluster.downing.strategy = off");
        nodes[0].Subscribe(TestActor, typeof(IReachabilityEvent));
        await ExpectMsgAsync<CurrentClusterState>();

        Network.Isolate(AddressOf(3));
        var unreachable = await ExpectMsgAsync<UnreachableMember>(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(AddressOf(3), unreachable.Member.Address);
        await AwaitAssertAsync(() => Assert.Equal(2, nodes[2].State.Unreachable.Count), Dilated(TimeSpan.FromSeconds(5)));

        Network.HealAll();

        // Node 3's own observations of 1 and 2 arrive with its gossip and are withdrawn by its heartbeats.
        await FishForMessageAsync<IReachabilityEvent>(e => e is ReachableMember && e.Member.Address == AddressOf(3), Dilated(TimeSpan.FromSeconds(5)));
        foreach (var node in nodes)
        {
            await AwaitAssertAsync(() => Assert.Empty(node.State.Unreachable), Dilated(TimeSpan.FromSeconds(5)));
            await AwaitMembers(node, 3);
        }
    }

    [Fact]
    public async Task A_connection_that_swallows_frames_is_replaced_and_the_member_becomes_reachable_again()
    {
        var nodes = await StartThree("msgrelay.cluster.downing.strategy = off");

        // Open but dead: frames vanish on the existing connection, while a new one would work.
        Network.Stall(AddressOf(1), AddressOf(2));
        Assert.Equal(0, Network.WorkingConnections(AddressOf(1), AddressOf(2)));

        // The missing heartbeats make one end redial. Whether the failure detector marks the member
        // unreachable before the new connection carries heartbeats again depends on the machine's
        // timing, so the test follows the connection; an unreachable mark, if any, must be withdrawn.
        await AwaitConditionAsync(() => Network.WorkingConnections(AddressOf(1), AddressOf(2)) > 0, Dilated(TimeSpan.FromSeconds(10)));
        foreach (var node in nodes)
        {
            await AwaitAssertAsync(() => Assert.Empty(node.State.Unreachable), Dilated(TimeSpan.FromSeconds(10)));
            await AwaitMembers(node, 3);
        }
    }

    [Fact]
    public async Task Restarted_node_with_the_same_address_rejoins_as_a_new_incarnation()
    {
        var nodes = await StartThree();
        var oldUid = nodes[2].SelfUniqueAddress.Uid;
        Network.Crash(AddressOf(3));
        await nodes[2].System.Terminate();

        var restarted = await StartNode(3, Seeds(1));

        await AwaitAssertAsync(() =>
        {
            var member = Assert.Single(nodes[0].State.Members, m => m.Address == AddressOf(3));
            Assert.NotEqual(oldUid, member.UniqueAddress.Uid);
            Assert.Equal(restarted.SelfUniqueAddress, member.UniqueAddress);
            Assert.Equal(MemberStatus.Up, member.Status);
        }, Dilated(TimeSpan.FromSeconds(10)));
        await AwaitMembers(restarted, 3);
    }

    [Fact]
    public async Task Watching_an_actor_on_a_node_that_goes_down_yields_Terminated_with_AddressTerminated()
    {
        var nodes = await StartThree();
        nodes[2].System.ActorOf(Props.Create(() => new Idle()), "worker");
        var worker = nodes[0].Remoting.RemoteRef(AddressOf(3), "/user/worker");
        Watch(worker);

        Network.Crash(AddressOf(3));

        var terminated = await ExpectTerminatedAsync(worker, Dilated(TimeSpan.FromSeconds(8)));
        Assert.True(terminated.AddressTerminated);
    }

    private sealed class Idle : ReceiveActor;
}
