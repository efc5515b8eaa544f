namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The argument of <c>FHST host [fwd1 fwd2 ...]</c>: the host the message was first sent from
/// and the forwarders it passed, in order (the host now talking is not in it).
/// </summary>
public sealed class RwpHostPath : IEquatable<RwpHostPath>
{
    /// <summary>Creates a path from the origin and the forwarders so far.</summary>
    public RwpHostPath(string origin, IReadOnlyList<string>? forwarders = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        Origin = origin;
        Forwarders = forwarders is null ? [] : [.. forwarders];
    }

    /// <summary>The original sender's host.</summary>
    public string Origin { get; }

    /// <summary>Forwarders, oldest first; empty when the origin talks to us directly.</summary>
    public IReadOnlyList<string> Forwarders { get; }

    /// <summary>True when <paramref name="host"/> (case-insensitive) is the origin or a forwarder: a loop.</summary>
    public bool Contains(string host) =>
        Text.NameComparison.NamesEqual(Origin, host) || Forwarders.Any(f => Text.NameComparison.NamesEqual(f, host));

    /// <summary>The path the next hop receives when <paramref name="forwarder"/> forwards the message.</summary>
    public RwpHostPath Append(string forwarder) => new(Origin, [.. Forwarders, forwarder]);

    /// <summary>The <c>FHST</c> argument: origin and forwarders separated by spaces.</summary>
    public override string ToString() => Forwarders.Count == 0 ? Origin : Origin + " " + string.Join(' ', Forwarders);

    /// <inheritdoc/>
    public bool Equals(RwpHostPath? other) =>
        other is not null
        && Text.NameComparison.NamesEqual(Origin, other.Origin)
        && Forwarders.SequenceEqual(other.Forwarders, Text.NameComparison.Comparer);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as RwpHostPath);

    /// <inheritdoc/>
    public override int GetHashCode() => Text.NameComparison.Comparer.GetHashCode(Origin) ^ Forwarders.Count;
}
