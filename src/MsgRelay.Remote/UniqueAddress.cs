using System.Globalization;

namespace MsgRelay.Remote;

/// <summary>
/// An address plus the uid of one incarnation of the system living there: a node restarted on
/// the same host:port picks a new uid, so the cluster can tell the new incarnation from the old.
/// </summary>
public sealed record UniqueAddress(Address Address, long Uid) : IComparable<UniqueAddress>
{
    /// <inheritdoc />
    public int CompareTo(UniqueAddress? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byAddress = Address.CompareTo(other.Address);
        return byAddress != 0 ? byAddress : Uid.CompareTo(other.Uid);
    }

    /// <summary>A fresh random uid (never 0, which is used for "unknown").</summary>
    public static long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64(long.MinValue, long.MaxValue);
        }
        while (uid == 0);
        return uid;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Address}#{Uid.ToString(CultureInfo.InvariantCulture)}";
}
