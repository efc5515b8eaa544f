using System.Collections.Immutable;

namespace MsgRelay.Cluster;

/// <summary>How two vector clocks relate.</summary>
public enum VectorClockOrdering
{
    /// <summary>Equal.</summary>
    Same,

    /// <summary>The first happened before the second.</summary>
    Before,

    /// <summary>The first happened after the second.</summary>
    After,

    /// <summary>Neither contains the other: the gossips must be merged.</summary>
    Concurrent,
}

/// <summary>Version of a gossip: one counter per node that changed it.</summary>
public sealed record VectorClock(ImmutableSortedDictionary<string, long> Versions)
{
    /// <summary>The clock before any change.</summary>
    public static VectorClock Empty { get; } = new(ImmutableSortedDictionary<string, long>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>A copy with <paramref name="node"/>'s counter advanced.</summary>
    public VectorClock Increment(string node) => new(Versions.SetItem(node, Versions.GetValueOrDefault(node) + 1));

    /// <summary>A copy without <paramref name="node"/>'s counter: a removed node changes nothing any more.</summary>
    public VectorClock Prune(string node) => Versions.ContainsKey(node) ? new(Versions.Remove(node)) : this;

    /// <summary>The pointwise maximum.</summary>
    public VectorClock Merge(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = Versions;
        foreach (var (node, version) in other.Versions)
        {
            if (version > merged.GetValueOrDefault(node))
            {
                merged = merged.SetItem(node, version);
            }
        }
        return new VectorClock(merged);
    }

    /// <summary>How this clock relates to <paramref name="other"/>.</summary>
    public VectorClockOrdering CompareTo(VectorClock other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var less = false;
        var greater = false;
        foreach (var node in Versions.Keys.Union(other.Versions.Keys))
        {
            var mine = Versions.GetValueOrDefault(node);
            var theirs = other.Versions.GetValueOrDefault(node);
            less |= mine < theirs;
            greater |= mine > theirs;
        }
        return (less, greater) switch
        {
            (false, false) => VectorClockOrdering.Same,
            (true, false) => VectorClockOrdering.Before,
            (false, true) => VectorClockOrdering.After,
            _ => VectorClockOrdering.Concurrent,
        };
    }

    /// <inheritdoc />
    public bool Equals(VectorClock? other) => other is not null && CompareTo(other) == VectorClockOrdering.Same;

    /// <inheritdoc />
    public override int GetHashCode() => Versions.Count;
}
