using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// The replicated cluster state (Akka's Gossip): the member table, who reaches whom, who has seen
/// this version, and tombstones of removed incarnations (with when they were removed) so an old
/// view cannot bring them back. Immutable; every change returns a new gossip. Pure: the daemon
/// actor only decides when.
/// </summary>
/// <remarks>
/// A removed incarnation's vector-clock counter goes with it (it will never change the gossip
/// again), and its tombstone is pruned once no old view can still hold it
/// (<see cref="PruneTombstones"/>); without both, every restart of a node would grow the gossip
/// for the cluster's lifetime.
/// </remarks>
public sealed record Gossip(
    ImmutableSortedSet<Member> Members,
    VectorClock Version,
    ImmutableHashSet<UniqueAddress> Seen,
    Reachability Reachability,
    ImmutableDictionary<UniqueAddress, DateTimeOffset> Tombstones)
{
    /// <summary>A gossip without members.</summary>
    public static Gossip Empty { get; } = new([], VectorClock.Empty, [], Reachability.Empty, ImmutableDictionary<UniqueAddress, DateTimeOffset>.Empty);

    /// <summary>The member with this unique address, or null.</summary>
    public Member? Member(UniqueAddress node) => Members.FirstOrDefault(m => m.UniqueAddress == node);

    /// <summary>The member (any incarnation) at this address, or null.</summary>
    public Member? MemberAt(Address address) => Members.FirstOrDefault(m => m.Address == address);

    /// <summary>Members some observer reports unreachable (observations by Down members do not count).</summary>
    public ImmutableSortedSet<Member> Unreachable
    {
        get
        {
            var down = Members.Where(m => m.Status == MemberStatus.Down).Select(m => m.UniqueAddress).ToHashSet();
            var subjects = Reachability.Records
                .Where(r => !r.Value.Reachable && !down.Contains(r.Key.Observer))
                .Select(r => r.Key.Subject)
                .ToHashSet();
            return Members.Where(m => subjects.Contains(m.UniqueAddress)).ToImmutableSortedSet();
        }
    }

    /// <summary>Whether <paramref name="node"/> is reported unreachable by a member that is not Down.</summary>
    public bool IsReachable(UniqueAddress node) => !Unreachable.Any(m => m.UniqueAddress == node);

    /// <summary>Adds or replaces a member (by unique address) and advances the version for <paramref name="self"/>.</summary>
    public Gossip Update(Member member, UniqueAddress self)
    {
        ArgumentNullException.ThrowIfNull(member);
        var existing = Member(member.UniqueAddress);
        var members = existing is null ? Members.Add(member) : Members.Remove(existing).Add(member);
        return Changed(this with { Members = members }, self);
    }

    /// <summary>A copy with the reachability table replaced, version advanced for <paramref name="self"/>.</summary>
    public Gossip WithReachability(Reachability reachability, UniqueAddress self) => Changed(this with { Reachability = reachability }, self);

    /// <summary>Removes members for good (tombstoned at <paramref name="now"/>), version advanced for <paramref name="self"/>.</summary>
    public Gossip Remove(IEnumerable<Member> removed, UniqueAddress self, DateTimeOffset now)
    {
        var gossip = this;
        foreach (var member in removed)
        {
            gossip = gossip with
            {
                Members = gossip.Members.Remove(member),
                Reachability = gossip.Reachability.Remove(member.UniqueAddress),
                Tombstones = gossip.Tombstones.SetItem(member.UniqueAddress, now),
                Version = gossip.Version.Prune(ClockKey(member.UniqueAddress)),
            };
        }
        return Changed(gossip, self);
    }

    /// <summary>
    /// Forgets tombstones of incarnations removed before <paramref name="removedBefore"/>; the
    /// version does not change (every node prunes by its own clock). Returns this gossip when none is that old.
    /// </summary>
    public Gossip PruneTombstones(DateTimeOffset removedBefore)
    {
        var old = Tombstones.Where(t => t.Value < removedBefore).Select(t => t.Key).ToList();
        return old.Count == 0 ? this : this with { Tombstones = Tombstones.RemoveRange(old) };
    }

    /// <summary>Marks that <paramref name="node"/> has seen this version.</summary>
    public Gossip SeenBy(UniqueAddress node) => Seen.Contains(node) ? this : this with { Seen = Seen.Add(node) };

    /// <summary>
    /// Whether a node now holding this gossip, after receiving <paramref name="received"/> whose
    /// version compared to its own as <paramref name="ordering"/>, must answer the sender: when its
    /// version is newer (it was ahead, or merged a concurrent one), or when it knows of nodes that
    /// have seen the version which the sender's seen set lacks (how a leader learns the others saw
    /// its gossip). Answering anything else would make two nodes holding the same gossip bounce it
    /// between them forever.
    /// </summary>
    public bool ShouldAnswer(Gossip received, VectorClockOrdering ordering)
    {
        ArgumentNullException.ThrowIfNull(received);
        return ordering is VectorClockOrdering.After or VectorClockOrdering.Concurrent || !Seen.IsSubsetOf(received.Seen);
    }

    /// <summary>
    /// Merges a concurrent gossip (Akka's rule): members are united, a member present in both takes
    /// the status further towards removal, tombstoned incarnations are dropped (with their clock
    /// counters), reachability keeps each observer's latest records; the result is seen by nobody yet.
    /// </summary>
    public Gossip Merge(Gossip other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var tombstones = Tombstones;
        foreach (var (node, removedAt) in other.Tombstones)
        {
            if (!tombstones.TryGetValue(node, out var known) || known < removedAt)
            {
                tombstones = tombstones.SetItem(node, removedAt);
            }
        }

        var version = Version.Merge(other.Version);
        foreach (var node in tombstones.Keys)
        {
            version = version.Prune(ClockKey(node));
        }

        var members = ImmutableSortedSet.CreateBuilder<Member>();
        foreach (var group in Members.Concat(other.Members).GroupBy(m => m.UniqueAddress))
        {
            if (tombstones.ContainsKey(group.Key))
            {
                continue;
            }
            var winner = group.MaxBy(m => m.Status.MergePriority())!;
            var upNumber = group.Min(m => m.UpNumber);
            members.Add(winner with { UpNumber = upNumber });
        }
        var memberSet = members.Select(m => m.UniqueAddress).ToHashSet();
        return new Gossip(
            members.ToImmutable(),
            version,
            [],
            Reachability.Merge(other.Reachability, memberSet),
            tombstones);
    }

    /// <summary>
    /// Whether every member that counts has seen this version: no unreachable member other than a
    /// Down or Exiting one, and every Up or Leaving member (of the rest) in the seen set.
    /// </summary>
    public bool HasConvergence()
    {
        var unreachable = Unreachable;
        if (unreachable.Any(m => m.Status is not (MemberStatus.Down or MemberStatus.Exiting)))
        {
            return false;
        }
        return Members.All(m => m.Status is not (MemberStatus.Up or MemberStatus.Leaving) || Seen.Contains(m.UniqueAddress));
    }

    /// <summary>
    /// The leader as seen from <paramref name="self"/>: the first reachable (or self) Up or Leaving
    /// member in address order; when there is none, the first other reachable member that is not
    /// Down (so a lone Exiting node still removes itself).
    /// </summary>
    public UniqueAddress? Leader(UniqueAddress self)
    {
        var unreachable = Unreachable.Select(m => m.UniqueAddress).ToHashSet();
        var candidates = Members
            .Where(m => m.UniqueAddress == self || !unreachable.Contains(m.UniqueAddress))
            .Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed))
            .ToList();
        var leader = candidates.FirstOrDefault(m => m.Status is MemberStatus.Up or MemberStatus.Leaving) ?? candidates.FirstOrDefault();
        return leader?.UniqueAddress;
    }

    /// <summary>
    /// What the leader does on convergence: removes Exiting and Down members, moves Leaving to
    /// Exiting and Joining to Up. Returns the same gossip when there is nothing to do (or no convergence).
    /// </summary>
    public (Gossip Gossip, IReadOnlyList<Member> Removed) LeaderActions(UniqueAddress self, DateTimeOffset now)
    {
        if (Leader(self) != self || !HasConvergence())
        {
            return (this, []);
        }
        var removed = Members.Where(m => m.Status is MemberStatus.Exiting or MemberStatus.Down).ToList();
        var nextUp = Members.Where(m => m.UpNumber != int.MaxValue).Select(m => m.UpNumber).DefaultIfEmpty(0).Max();
        var changed = Members
            .Where(m => m.Status is MemberStatus.Joining or MemberStatus.Leaving)
            .Select(m => m.Status == MemberStatus.Joining ? m with { Status = MemberStatus.Up, UpNumber = ++nextUp } : m.WithStatus(MemberStatus.Exiting))
            .ToList();
        if (removed.Count == 0 && changed.Count == 0)
        {
            return (this, []);
        }
        var members = Members.Except(removed).Except(Members.Where(m => changed.Any(c => c.UniqueAddress == m.UniqueAddress))).Union(changed);
        var gossip = (this with { Members = members }).Remove(removed, self, now);
        return (gossip, removed);
    }

    /// <summary>The key of a node in vector clocks.</summary>
    public static string ClockKey(UniqueAddress node) => node.ToString();

    private static Gossip Changed(Gossip gossip, UniqueAddress self) =>
        gossip with { Version = gossip.Version.Increment(ClockKey(self)), Seen = [self] };
}
