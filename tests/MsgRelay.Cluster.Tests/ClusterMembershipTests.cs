using MsgRelay.Actors;

namespace MsgRelay.Cluster.Tests;

public sealed class ClusterMembershipTests : MultiNodeClusterTest
{
    [Fact]
    public async Task Empty_seed_list_forms_a_cluster_of_one_that_is_up()
    {
        var cluster = await StartNode(1);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());

        await up.Task.WaitAsync(Dilated(TimeSpan.FromSeconds(5)));

        Assert.Equal(MemberStatus.Up, cluster.SelfMember.Status);
        Assert.Equal(cluster.SelfAddress, cluster.State.Leader);
        Assert.Single(cluster.State.Members);
    }

    [Fact]
    public async Task Three_nodes_join_through_the_seed_and_converge_to_up_with_one_leader()
    {
        var nodes = new[] { await StartNode(1, Seeds(1)), await StartNode(2, Seeds(1)), await StartNode(3, Seeds(1)) };

        foreach (var node in nodes)
        {
            await AwaitMembers(node, 3);
        }
        await AwaitAssertAsync(() => Assert.All(nodes, n => Assert.Equal(AddressOf(1), n.State.Leader)), Dilated(TimeSpan.FromSeconds(5)));
        await Task.WhenAll(nodes.Select(n => n.WhenMemberUp)).WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task An_idle_converged_cluster_sends_frames_at_its_timer_rate_not_in_a_gossip_loop()
    {
        var nodes = new[] { await StartNode(1, Seeds(1)), await StartNode(2, Seeds(1)) };
        foreach (var node in nodes)
        {
            await AwaitMembers(node, 2);
        }

        var before = Network.FramesDelivered;
        await ExpectNoMsgAsync(TimeSpan.FromSeconds(1));
        var frames = Network.FramesDelivered - before;

        // Per second at the fast test intervals (100ms): 2 x 10 heartbeats and their 20 answers,
        // 2 x 10 gossips and at most as many answers, i.e. about 80. Gossip bouncing between two
        // nodes that hold the same version ran to thousands.
        Assert.InRange(frames, 1, 200);
    }

    [Fact]
    public async Task Subscriber_gets_the_current_state_then_member_up_events()
    {
        var first = await StartNode(1, Seeds(1));
        await AwaitMembers(first, 1);
        first.Subscribe(TestActor, typeof(IMemberEvent));
        var snapshot = await ExpectMsgAsync<CurrentClusterState>();
        Assert.Single(snapshot.Members);

        await StartNode(2, Seeds(1));

        var up = await FishForMessageAsync<IMemberEvent>(e => e is MemberUp, Dilated(TimeSpan.FromSeconds(10)));
        Assert.Equal(AddressOf(2), up.Member.Address);
    }

    [Fact]
    public async Task A_node_that_is_not_the_first_seed_keeps_trying_until_the_seed_is_there()
    {
        var second = await StartNode(2, Seeds(1, 2));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(MemberStatus.Removed, second.SelfMember.Status);

        var first = await StartNode(1, Seeds(1, 2));

        await AwaitMembers(first, 2);
        await AwaitMembers(second, 2);
    }

    [Fact]
    public async Task Graceful_leave_on_coordinated_shutdown_passes_through_exiting_and_removes_the_member()
    {
        var first = await StartNode(1, Seeds(1));
        await StartNode(2, Seeds(1));
        var third = await StartNode(3, Seeds(1));
        await AwaitMembers(first, 3);
        first.Subscribe(TestActor, typeof(IMemberEvent));
        await ExpectMsgAsync<CurrentClusterState>();

        var shutdown = CoordinatedShutdown.Get(third.System).Run(CoordinatedShutdown.ClrExitReason.Instance);

        await FishForMessageAsync<IMemberEvent>(e => e is MemberLeft { Member.Address.Port: 2552 } left && left.Member.Address == AddressOf(3), Dilated(TimeSpan.FromSeconds(5)));
        await FishForMessageAsync<IMemberEvent>(e => e is MemberExited && e.Member.Address == AddressOf(3), Dilated(TimeSpan.FromSeconds(5)));
        var removed = await FishForMessageAsync<IMemberEvent>(e => e is MemberRemoved && e.Member.Address == AddressOf(3), Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(MemberStatus.Exiting, ((MemberRemoved)removed).PreviousStatus);
        await shutdown.WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        Assert.True(third.WhenRemoved.IsCompleted);
        await AwaitMembers(first, 2);
    }

    [Fact]
    public async Task Leave_by_api_removes_another_member_and_that_node_shuts_down()
    {
        var first = await StartNode(1, Seeds(1));
        var second = await StartNode(2, Seeds(1));
        await AwaitMembers(first, 2);

        first.Leave(AddressOf(2));

        await second.System.WhenTerminated.WaitAsync(Dilated(TimeSpan.FromSeconds(10)));
        await AwaitMembers(first, 1);
    }
}
