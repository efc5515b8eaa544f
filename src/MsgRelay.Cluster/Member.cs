using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// One row of the member table. <see cref="UpNumber"/> orders members by when they became Up
/// (lower is older), which keep-oldest downing uses.
/// </summary>
public sealed record Member(UniqueAddress UniqueAddress, MemberStatus Status, int UpNumber = int.MaxValue) : IComparable<Member>
{
    /// <summary>The member's address (without uid).</summary>
    public Address Address => UniqueAddress.Address;

    /// <summary>A copy with another status.</summary>
    public Member WithStatus(MemberStatus status) => this with { Status = status };

    /// <summary>Whether this member became Up before <paramref name="other"/> (ties broken by address).</summary>
    public bool IsOlderThan(Member other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return UpNumber != other.UpNumber ? UpNumber < other.UpNumber : Address.CompareTo(other.Address) < 0;
    }

    /// <inheritdoc />
    public int CompareTo(Member? other) => other is null ? 1 : UniqueAddress.CompareTo(other.UniqueAddress);

    /// <inheritdoc />
    public override string ToString() => $"Member({UniqueAddress}, {Status})";
}
