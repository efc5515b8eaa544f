using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>Every event the cluster publishes on the event stream.</summary>
public interface IClusterDomainEvent;

/// <summary>A member changed status.</summary>
public interface IMemberEvent : IClusterDomainEvent
{
    /// <summary>The member, with its new status.</summary>
    Member Member { get; }
}

/// <summary>A member became unreachable or reachable again.</summary>
public interface IReachabilityEvent : IClusterDomainEvent
{
    /// <summary>The member concerned.</summary>
    Member Member { get; }
}

/// <summary>A node asked to join.</summary>
public sealed record MemberJoined(Member Member) : IMemberEvent;

/// <summary>The leader moved a member Up.</summary>
public sealed record MemberUp(Member Member) : IMemberEvent;

/// <summary>A member is leaving gracefully.</summary>
public sealed record MemberLeft(Member Member) : IMemberEvent;

/// <summary>A leaving member is exiting.</summary>
public sealed record MemberExited(Member Member) : IMemberEvent;

/// <summary>A member was downed.</summary>
public sealed record MemberDowned(Member Member) : IMemberEvent;

/// <summary>A member is gone; <paramref name="PreviousStatus"/> tells whether it left (Exiting) or was downed (Down).</summary>
public sealed record MemberRemoved(Member Member, MemberStatus PreviousStatus) : IMemberEvent;

/// <summary>The failure detector of some member suspects this one.</summary>
public sealed record UnreachableMember(Member Member) : IReachabilityEvent;

/// <summary>Every observer reaches the member again.</summary>
public sealed record ReachableMember(Member Member) : IReachabilityEvent;

/// <summary>The leader (as seen from this node) changed; null when there is none.</summary>
public sealed record LeaderChanged(Address? Leader) : IClusterDomainEvent;

/// <summary>The state as seen by this node; sent first to every new subscriber.</summary>
public sealed record CurrentClusterState(ImmutableSortedSet<Member> Members, ImmutableSortedSet<Member> Unreachable, Address? Leader)
{
    /// <summary>Before joining.</summary>
    public static CurrentClusterState Empty { get; } = new([], [], null);

    /// <summary>The state of a gossip seen from <paramref name="self"/>.</summary>
    public static CurrentClusterState Of(Gossip gossip, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        return new(gossip.Members, gossip.Unreachable, gossip.Leader(self)?.Address);
    }
}

/// <summary>The events that turn one gossip into the next, in Akka's order (members, reachability, leader).</summary>
public static class ClusterEventDiff
{
    /// <summary>Events between <paramref name="old"/> and <paramref name="next"/> as seen from <paramref name="self"/>.</summary>
    public static IReadOnlyList<IClusterDomainEvent> Diff(Gossip old, Gossip next, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(next);
        var events = new List<IClusterDomainEvent>();
        foreach (var member in next.Members)
        {
            var before = old.Member(member.UniqueAddress);
            if (before?.Status == member.Status)
            {
                continue;
            }
            IClusterDomainEvent? change = member.Status switch
            {
                MemberStatus.Joining => new MemberJoined(member),
                MemberStatus.Up => new MemberUp(member),
                MemberStatus.Leaving => new MemberLeft(member),
                MemberStatus.Exiting => new MemberExited(member),
                MemberStatus.Down => new MemberDowned(member),
                _ => null,
            };
            if (change is not null)
            {
                events.Add(change);
            }
        }
        foreach (var gone in old.Members.Where(m => next.Member(m.UniqueAddress) is null))
        {
            events.Add(new MemberRemoved(gone.WithStatus(MemberStatus.Removed), gone.Status));
        }
        var oldUnreachable = old.Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var newUnreachable = next.Unreachable;
        foreach (var member in newUnreachable.Where(m => !oldUnreachable.Contains(m.UniqueAddress) && m.UniqueAddress != self))
        {
            events.Add(new UnreachableMember(member));
        }
        foreach (var member in next.Members.Where(m => oldUnreachable.Contains(m.UniqueAddress) && !newUnreachable.Contains(m)))
        {
            events.Add(new ReachableMember(member));
        }
        var oldLeader = old.Leader(self)?.Address;
        var newLeader = next.Leader(self)?.Address;
        if (oldLeader != newLeader)
        {
            events.Add(new LeaderChanged(newLeader));
        }
        return events;
    }
}
