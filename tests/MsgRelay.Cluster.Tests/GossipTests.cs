using System.Collections.Immutable;
using static MsgRelay.Cluster.Tests.Nodes;

namespace MsgRelay.Cluster.Tests;

public class GossipTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    private static Gossip Of(params Member[] members) =>
        members.Aggregate(Gossip.Empty, (g, m) => g.Update(m, N(1)));

    [Fact]
    public void Concurrent_gossips_merge_to_the_union_with_the_most_severe_status_per_member()
    {
        var start = Of(Up(1), Up(2), Up(3));
        var left = start.Update(With(2, MemberStatus.Leaving), N(1));
        var right = start.Update(With(2, MemberStatus.Down), N(3)).Update(With(4, MemberStatus.Joining), N(3));
        Assert.Equal(VectorClockOrdering.Concurrent, left.Version.CompareTo(right.Version));

        var merged = left.Merge(right);

        Assert.Equal(MemberStatus.Down, merged.Member(N(2))!.Status);
        Assert.Equal(MemberStatus.Joining, merged.Member(N(4))!.Status);
        Assert.Equal(4, merged.Members.Count);
        Assert.Equal(VectorClockOrdering.After, merged.Version.CompareTo(left.Version));
        Assert.Equal(VectorClockOrdering.After, merged.Version.CompareTo(right.Version));
        Assert.Empty(merged.Seen);
    }

    [Fact]
    public void Merge_is_the_same_in_both_directions()
    {
        var start = Of(Up(1), Up(2));
        var a = start.Update(With(1, MemberStatus.Leaving), N(1));
        var b = start.Update(With(3, MemberStatus.Joining), N(2));
        Assert.Equal(a.Merge(b).Members, b.Merge(a).Members);
    }

    [Fact]
    public void A_removed_incarnation_does_not_come_back_from_an_older_gossip()
    {
        var old = Of(Up(1), Up(2), With(3, MemberStatus.Down));
        var removed = old.Remove([old.Member(N(3))!], N(1), Noon);

        var merged = removed.Merge(old.Update(Up(1), N(2)));

        Assert.Null(merged.Member(N(3)));
        Assert.Equal(Noon, merged.Tombstones[N(3)]);
    }

    [Fact]
    public void A_removed_incarnation_takes_its_clock_counter_with_it_also_when_an_older_gossip_still_has_it()
    {
        var old = Of(Up(1), Up(2), Up(3)).Update(With(3, MemberStatus.Leaving), N(3)).Update(With(3, MemberStatus.Exiting), N(1));
        Assert.Contains(Gossip.ClockKey(N(3)), old.Version.Versions.Keys);

        var removed = old.Remove([old.Member(N(3))!], N(1), Noon);
        Assert.DoesNotContain(Gossip.ClockKey(N(3)), removed.Version.Versions.Keys);

        var merged = removed.Merge(old.Update(Up(2), N(2)));
        Assert.DoesNotContain(Gossip.ClockKey(N(3)), merged.Version.Versions.Keys);
        Assert.Equal(VectorClockOrdering.After, merged.Version.CompareTo(removed.Version));
    }

    [Fact]
    public void Merged_tombstones_keep_the_later_removal_time()
    {
        var old = Of(Up(1), Up(2), With(3, MemberStatus.Down));
        var early = old.Remove([old.Member(N(3))!], N(1), Noon);
        var late = old.Remove([old.Member(N(3))!], N(2), Noon.AddMinutes(5));

        Assert.Equal(Noon.AddMinutes(5), early.Merge(late).Tombstones[N(3)]);
        Assert.Equal(Noon.AddMinutes(5), late.Merge(early).Tombstones[N(3)]);
    }

    [Fact]
    public void Tombstones_travel_with_their_removal_time_and_those_of_an_older_sender_count_from_arrival()
    {
        var old = Of(Up(1), With(3, MemberStatus.Down));
        var data = GossipSerialization.ToData(old.Remove([old.Member(N(3))!], N(1), Noon));
        var arrival = Noon.AddDays(1);

        Assert.Equal(Noon, GossipSerialization.FromData(data, arrival).Tombstones[N(3)]);
        data.TombstoneRemovedAtMs.Clear();
        Assert.Equal(arrival, GossipSerialization.FromData(data, arrival).Tombstones[N(3)]);
    }

    [Fact]
    public void Tombstones_older_than_the_limit_are_pruned_and_younger_ones_kept()
    {
        var old = Of(Up(1), With(2, MemberStatus.Down), With(3, MemberStatus.Down));
        var gossip = old.Remove([old.Member(N(2))!], N(1), Noon).Remove([old.Member(N(3))!], N(1), Noon.AddHours(1));

        Assert.Same(gossip, gossip.PruneTombstones(Noon));
        var pruned = gossip.PruneTombstones(Noon.AddMinutes(30));

        Assert.Equal([N(3)], pruned.Tombstones.Keys);
        Assert.Equal(gossip.Version, pruned.Version);
    }

    [Fact]
    public void Gossip_equal_to_ours_and_seen_by_the_same_nodes_is_not_answered()
    {
        var gossip = Of(Up(1), Up(2)).SeenBy(N(2));
        var received = gossip;

        Assert.False(gossip.ShouldAnswer(received, VectorClockOrdering.Same));
        Assert.False(gossip.ShouldAnswer(received, VectorClockOrdering.Before));
    }

    [Fact]
    public void Gossip_is_answered_when_we_know_a_newer_version_or_more_nodes_that_saw_it()
    {
        var received = Of(Up(1), Up(2));
        var seenByUsToo = received.SeenBy(N(2));

        Assert.True(seenByUsToo.ShouldAnswer(received, VectorClockOrdering.Same));
        Assert.True(seenByUsToo.ShouldAnswer(received, VectorClockOrdering.Before));
        Assert.True(received.ShouldAnswer(received, VectorClockOrdering.After));
        Assert.True(received.ShouldAnswer(received, VectorClockOrdering.Concurrent));
    }

    [Fact]
    public void Convergence_needs_every_up_member_to_have_seen_the_version()
    {
        var gossip = Of(Up(1), Up(2), With(3, MemberStatus.Joining));
        Assert.False(gossip.HasConvergence());
        gossip = gossip.SeenBy(N(2));
        Assert.True(gossip.HasConvergence());
    }

    [Fact]
    public void An_unreachable_up_member_blocks_convergence_until_it_is_down()
    {
        var gossip = Of(Up(1), Up(2), Up(3));
        gossip = gossip.WithReachability(gossip.Reachability.Unreachable(N(1), N(3)), N(1)).SeenBy(N(2)).SeenBy(N(3));
        Assert.False(gossip.HasConvergence());

        gossip = gossip.Update(Up(3) with { Status = MemberStatus.Down }, N(1)).SeenBy(N(2));

        Assert.True(gossip.HasConvergence());
    }

    [Fact]
    public void Leader_is_the_first_reachable_up_member_by_address()
    {
        var gossip = Of(With(1, MemberStatus.Joining), Up(2), Up(3));
        Assert.Equal(N(2), gossip.Leader(N(3)));

        gossip = gossip.WithReachability(gossip.Reachability.Unreachable(N(3), N(2)), N(3));
        Assert.Equal(N(3), gossip.Leader(N(3)));
    }

    [Fact]
    public void Joining_member_leads_when_nobody_is_up_yet()
    {
        var gossip = Of(With(2, MemberStatus.Joining), With(1, MemberStatus.Joining));
        Assert.Equal(N(1), gossip.Leader(N(2)));
    }

    [Fact]
    public void Leader_moves_joining_up_leaving_to_exiting_and_removes_exiting_and_down_on_convergence()
    {
        var gossip = Of(Up(1), With(2, MemberStatus.Joining), With(3, MemberStatus.Leaving), With(4, MemberStatus.Exiting), With(5, MemberStatus.Down));
        gossip = gossip.SeenBy(N(3));

        var (next, removed) = gossip.LeaderActions(N(1), Noon);

        Assert.Equal(MemberStatus.Up, next.Member(N(2))!.Status);
        Assert.Equal(6, next.Member(N(2))!.UpNumber);
        Assert.Equal(MemberStatus.Exiting, next.Member(N(3))!.Status);
        Assert.Equal([N(4), N(5)], removed.Select(m => m.UniqueAddress).Order());
        Assert.Equal([N(1), N(2), N(3)], next.Members.Select(m => m.UniqueAddress));
    }

    [Fact]
    public void Only_the_leader_acts_and_only_on_convergence()
    {
        var gossip = Of(Up(1), Up(2), With(3, MemberStatus.Joining));
        Assert.Same(gossip, gossip.LeaderActions(N(2), Noon).Gossip);
        Assert.Same(gossip, gossip.LeaderActions(N(1), Noon).Gossip);
        Assert.NotSame(gossip, gossip.SeenBy(N(2)).LeaderActions(N(1), Noon).Gossip);
    }

    [Fact]
    public void Reachability_keeps_the_latest_record_of_each_observer()
    {
        var members = ImmutableHashSet.Create(N(1), N(2), N(3));
        var first = Reachability.Empty.Unreachable(N(1), N(3));
        var later = first.Reachable(N(1), N(3));
        Assert.False(first.IsReachable(N(3)));
        Assert.True(first.Merge(later, members).IsReachable(N(3)));
        Assert.True(later.Merge(first, members).IsReachable(N(3)));
        var otherObserver = Reachability.Empty.Unreachable(N(2), N(3));
        Assert.False(later.Merge(otherObserver, members).IsReachable(N(3)));
    }

    [Fact]
    public void Vector_clocks_order_and_detect_concurrency()
    {
        var a = VectorClock.Empty.Increment("a");
        var ab = a.Increment("b");
        var ac = a.Increment("c");
        Assert.Equal(VectorClockOrdering.Before, a.CompareTo(ab));
        Assert.Equal(VectorClockOrdering.After, ab.CompareTo(a));
        Assert.Equal(VectorClockOrdering.Same, ab.CompareTo(a.Increment("b")));
        Assert.Equal(VectorClockOrdering.Concurrent, ab.CompareTo(ac));
        Assert.Equal(VectorClockOrdering.After, ab.Merge(ac).CompareTo(ac));
    }
}
