using System.Text;
using MsgRelay.Remote;

namespace MsgRelay.Cluster;

/// <summary>
/// Rendezvous (highest-random-weight) placement of keys, e.g. shard ids, onto nodes: each
/// (key, node) pair gets a stable weight and the key goes to the node with the highest one.
/// Every node computes the same answer from the same member list, with no coordinator; when a
/// node leaves, only its keys move. Weights hash the address (host:port, not the uid), so a
/// restarted node gets its keys back.
/// </summary>
public static class RendezvousHashing
{
    /// <summary>The owner of <paramref name="key"/> among <paramref name="nodes"/>, or null when there are none.</summary>
    public static Address? OwnerOf(string key, IEnumerable<Address> nodes)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(nodes);
        Address? best = null;
        ulong bestWeight = 0;
        foreach (var node in nodes)
        {
            var weight = Weight(key, node);
            if (best is null || weight > bestWeight || (weight == bestWeight && node.CompareTo(best) < 0))
            {
                best = node;
                bestWeight = weight;
            }
        }
        return best;
    }

    /// <summary>The owner of every key, for the Up members of a converged gossip.</summary>
    public static IReadOnlyDictionary<string, Address> Allocate(IEnumerable<string> keys, IReadOnlyCollection<Address> nodes)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, Address>(StringComparer.Ordinal);
        if (nodes.Count == 0)
        {
            return result;
        }
        foreach (var key in keys)
        {
            result[key] = OwnerOf(key, nodes)!;
        }
        return result;
    }

    /// <summary>64-bit FNV-1a of "key|host:port", mixed once more so close inputs spread.</summary>
    internal static ulong Weight(string key, Address node)
    {
        const ulong offset = 14695981039346656037;
        const ulong prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes($"{key}|{node.HostPort}"))
        {
            hash ^= b;
            hash *= prime;
        }
        // FNV's low bits depend weakly on the last bytes; a final avalanche (splitmix64) fixes that.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111eb;
        hash ^= hash >> 31;
        return hash;
    }
}
