using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>What a split-brain strategy decided for the side it runs on.</summary>
public enum SplitBrainOutcome
{
    /// <summary>Nothing to do (nobody unreachable, or downing is off).</summary>
    None,

    /// <summary>This side survives: down the unreachable members.</summary>
    DownUnreachable,

    /// <summary>This side loses: down the reachable members, this node included.</summary>
    DownReachable,
}

/// <summary>
/// The split-brain strategies as pure functions of one side's view: the members that count
/// (Up and Leaving; Joining members have no vote yet, like Akka), and which of them this side cannot reach.
/// Both sides run the same function on mirror-image inputs, and the rules guarantee that at most one
/// side keeps running.
/// </summary>
public static class SplitBrainDecision
{
    /// <summary>Decides for the side that sees <paramref name="unreachable"/> among <paramref name="members"/>.</summary>
    public static SplitBrainOutcome Decide(DowningStrategy strategy, IReadOnlyCollection<Member> members, IReadOnlySet<UniqueAddress> unreachable, int quorumSize = 0, bool downIfAlone = true)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(unreachable);
        var voting = members.Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving).ToImmutableSortedSet();
        var lost = voting.Where(m => unreachable.Contains(m.UniqueAddress)).ToList();
        var kept = voting.Where(m => !unreachable.Contains(m.UniqueAddress)).ToList();
        if (strategy == DowningStrategy.Off || (lost.Count == 0 && !unreachable.Any()))
        {
            return SplitBrainOutcome.None;
        }
        var survives = strategy switch
        {
            DowningStrategy.KeepMajority => KeepMajority(voting, kept, lost),
            DowningStrategy.StaticQuorum => kept.Count >= quorumSize,
            DowningStrategy.KeepOldest => KeepOldest(voting, kept, lost, downIfAlone),
            _ => true,
        };
        return survives ? SplitBrainOutcome.DownUnreachable : SplitBrainOutcome.DownReachable;
    }

    /// <summary>
    /// The members the side of <paramref name="self"/> must decide about: reported unreachable by an
    /// observer that is not Down, not Down already, and never <paramref name="self"/>. A node is always
    /// on its own side, whatever others report about it (Akka's rule): counting itself as unreachable
    /// made a node that others had lost sight of decide for the wrong side and down a healthy member.
    /// </summary>
    public static IReadOnlySet<UniqueAddress> UnreachableFrom(Gossip gossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        return gossip.Unreachable
            .Where(m => m.Status != MemberStatus.Down && m.UniqueAddress != self)
            .Select(m => m.UniqueAddress)
            .ToHashSet();
    }

    private static bool KeepMajority(ImmutableSortedSet<Member> voting, List<Member> kept, List<Member> lost)
    {
        if (kept.Count != lost.Count)
        {
            return kept.Count > lost.Count;
        }
        // Equal halves: the side holding the lowest address survives, which both sides agree on.
        return voting.Count > 0 && kept.Contains(voting.Min!);
    }

    private static bool KeepOldest(ImmutableSortedSet<Member> voting, List<Member> kept, List<Member> lost, bool downIfAlone)
    {
        var oldest = voting.Aggregate((a, b) => a.IsOlderThan(b) ? a : b);
        var oldestHere = kept.Contains(oldest);
        if (!downIfAlone)
        {
            return oldestHere;
        }
        // The oldest alone on its side while the rest is on the other: the rest wins (Akka's down-if-alone).
        if (oldestHere && kept.Count == 1 && lost.Count > 1)
        {
            return false;
        }
        if (!oldestHere && lost.Count == 1 && kept.Count > 1)
        {
            return true;
        }
        return oldestHere;
    }
}
