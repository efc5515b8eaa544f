using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// Who cannot reach whom, as seen by each observer's failure detector and spread by gossip.
/// Each record carries the observer's own version counter, so merging two tables keeps, per
/// (observer, subject), the observer's latest word. A member is unreachable while any observer
/// still reports it so.
/// </summary>
public sealed record Reachability(ImmutableDictionary<(UniqueAddress Observer, UniqueAddress Subject), Reachability.Record> Records)
{
    /// <summary>No observations.</summary>
    public static Reachability Empty { get; } = new(ImmutableDictionary<(UniqueAddress, UniqueAddress), Record>.Empty);

    /// <summary>Subjects some observer reports unreachable.</summary>
    public ImmutableHashSet<UniqueAddress> AllUnreachable =>
        Records.Where(r => !r.Value.Reachable).Select(r => r.Key.Subject).ToImmutableHashSet();

    /// <summary>Whether no observer reports <paramref name="subject"/> unreachable.</summary>
    public bool IsReachable(UniqueAddress subject) => !Records.Any(r => r.Key.Subject == subject && !r.Value.Reachable);

    /// <summary>Subjects that <paramref name="observer"/> reports unreachable.</summary>
    public IEnumerable<UniqueAddress> UnreachableBy(UniqueAddress observer) =>
        Records.Where(r => r.Key.Observer == observer && !r.Value.Reachable).Select(r => r.Key.Subject);

    /// <summary><paramref name="observer"/> can no longer reach <paramref name="subject"/>.</summary>
    public Reachability Unreachable(UniqueAddress observer, UniqueAddress subject) => Change(observer, subject, reachable: false);

    /// <summary><paramref name="observer"/> reaches <paramref name="subject"/> again.</summary>
    public Reachability Reachable(UniqueAddress observer, UniqueAddress subject) =>
        Records.TryGetValue((observer, subject), out var record) && !record.Reachable ? Change(observer, subject, reachable: true) : this;

    /// <summary>Per (observer, subject) the record with the higher version, among members only.</summary>
    public Reachability Merge(Reachability other, IReadOnlySet<UniqueAddress> members)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(members);
        var builder = ImmutableDictionary.CreateBuilder<(UniqueAddress, UniqueAddress), Record>();
        foreach (var (key, record) in Records.Concat(other.Records))
        {
            if (!members.Contains(key.Observer) || !members.Contains(key.Subject))
            {
                continue;
            }
            if (!builder.TryGetValue(key, out var existing) || existing.Version < record.Version)
            {
                builder[key] = record;
            }
        }
        return new Reachability(builder.ToImmutable());
    }

    /// <summary>Forgets every record of which <paramref name="node"/> is observer or subject.</summary>
    public Reachability Remove(UniqueAddress node) =>
        new(Records.RemoveRange(Records.Keys.Where(k => k.Observer == node || k.Subject == node)));

    private Reachability Change(UniqueAddress observer, UniqueAddress subject, bool reachable)
    {
        var version = Records.Where(r => r.Key.Observer == observer).Select(r => r.Value.Version).DefaultIfEmpty(0).Max() + 1;
        return new Reachability(Records.SetItem((observer, subject), new Record(reachable, version)));
    }

    /// <summary>One observation and the observer's version counter when it was made.</summary>
    public sealed record Record(bool Reachable, long Version);
}
