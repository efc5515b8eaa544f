using MsgRelay.Remote;
using static MsgRelay.Cluster.Tests.Nodes;

namespace MsgRelay.Cluster.Tests;

public class SplitBrainDecisionTests
{
    private static readonly Member[] Five = [Up(1), Up(2), Up(3), Up(4), Up(5)];

    private static HashSet<UniqueAddress> Set(params int[] nodes) => nodes.Select(n => N(n)).ToHashSet();

    [Fact]
    public void Keep_majority_majority_downs_the_unreachable_and_minority_downs_itself()
    {
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, Five, Set(4, 5)));
        Assert.Equal(SplitBrainOutcome.DownReachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, Five, Set(1, 2, 3)));
    }

    [Fact]
    public void Keep_majority_equal_halves_keep_the_side_with_the_lowest_address()
    {
        Member[] four = [Up(1), Up(2), Up(3), Up(4)];
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, four, Set(3, 4)));
        Assert.Equal(SplitBrainOutcome.DownReachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, four, Set(1, 2)));
    }

    [Fact]
    public void A_node_others_report_unreachable_still_counts_itself_on_its_own_side()
    {
        // Node 3 lost sight of 1 and 2, node 1 of 2: seen from node 1, only node 2 is to decide
        // about, so 1 and 3 are the majority. Counting node 1 as unreachable too made it decide
        // DownReachable and down node 3.
        var gossip = new[] { Up(1), Up(2), Up(3) }.Aggregate(Gossip.Empty, (g, m) => g.Update(m, N(1)));
        var reachability = gossip.Reachability.Unreachable(N(3), N(1)).Unreachable(N(3), N(2)).Unreachable(N(1), N(2));
        gossip = gossip.WithReachability(reachability, N(1));

        var unreachable = SplitBrainDecision.UnreachableFrom(gossip, N(1));

        Assert.Equal([N(2)], unreachable);
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, gossip.Members, unreachable));
    }

    [Fact]
    public void Members_already_down_need_no_decision()
    {
        var gossip = new[] { Up(1), Up(2), With(3, MemberStatus.Down) }.Aggregate(Gossip.Empty, (g, m) => g.Update(m, N(1)));
        gossip = gossip.WithReachability(gossip.Reachability.Unreachable(N(1), N(3)).Unreachable(N(1), N(2)), N(1));

        Assert.Equal([N(2)], SplitBrainDecision.UnreachableFrom(gossip, N(1)));
    }

    [Fact]
    public void Crashed_single_node_of_three_is_downed_by_the_other_two()
    {
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, Five[..3], Set(3)));
    }

    [Fact]
    public void Joining_members_do_not_vote()
    {
        Member[] members = [Up(1), Up(2), With(3, MemberStatus.Joining), With(4, MemberStatus.Joining), With(5, MemberStatus.Joining)];
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, members, Set(2, 3, 4, 5)));
    }

    [Fact]
    public void Nothing_to_decide_without_unreachable_members_or_with_downing_off()
    {
        Assert.Equal(SplitBrainOutcome.None, SplitBrainDecision.Decide(DowningStrategy.KeepMajority, Five, Set()));
        Assert.Equal(SplitBrainOutcome.None, SplitBrainDecision.Decide(DowningStrategy.Off, Five, Set(1, 2, 3)));
    }

    [Fact]
    public void Static_quorum_side_below_quorum_downs_itself()
    {
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.StaticQuorum, Five, Set(4, 5), quorumSize: 3));
        Assert.Equal(SplitBrainOutcome.DownReachable, SplitBrainDecision.Decide(DowningStrategy.StaticQuorum, Five, Set(3, 4, 5), quorumSize: 3));
    }

    [Fact]
    public void Keep_oldest_side_with_the_oldest_survives_unless_it_is_alone()
    {
        Member[] members = [Up(1, upNumber: 5), Up(2, upNumber: 1), Up(3, upNumber: 2), Up(4, upNumber: 3)];
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepOldest, members, Set(1, 3, 4), downIfAlone: false));
        Assert.Equal(SplitBrainOutcome.DownReachable, SplitBrainDecision.Decide(DowningStrategy.KeepOldest, members, Set(1, 3, 4)));
        Assert.Equal(SplitBrainOutcome.DownUnreachable, SplitBrainDecision.Decide(DowningStrategy.KeepOldest, members, Set(2)));
        Assert.Equal(SplitBrainOutcome.DownReachable, SplitBrainDecision.Decide(DowningStrategy.KeepOldest, members, Set(2, 3)));
    }
}
