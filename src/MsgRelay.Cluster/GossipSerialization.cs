using System.Collections.Immutable;
using MsgRelay.Cluster.Wire;
using MsgRelay.Remote;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Cluster;

/// <summary>Gossip to and from its protobuf form.</summary>
internal static class GossipSerialization
{
    public static GossipData ToData(Gossip gossip)
    {
        var data = new GossipData();
        data.Members.AddRange(gossip.Members.Select(m => new MemberData { Node = ToData(m.UniqueAddress), Status = (int)m.Status, UpNumber = m.UpNumber }));
        data.Version.AddRange(gossip.Version.Versions.Select(v => new VersionData { Node = v.Key, Version = v.Value }));
        data.Seen.AddRange(gossip.Seen.Select(ToData));
        data.Reachability.AddRange(gossip.Reachability.Records.Select(r => new ReachabilityData
        {
            Observer = ToData(r.Key.Observer),
            Subject = ToData(r.Key.Subject),
            Reachable = r.Value.Reachable,
            Version = r.Value.Version,
        }));
        foreach (var (node, removedAt) in gossip.Tombstones)
        {
            data.Tombstones.Add(ToData(node));
            data.TombstoneRemovedAtMs.Add(removedAt.ToUnixTimeMilliseconds());
        }

        return data;
    }

    /// <summary>The gossip in <paramref name="data"/>; tombstones without a removal time get <paramref name="received"/>.</summary>
    public static Gossip FromData(GossipData data, DateTimeOffset received)
    {
        var members = data.Members.Select(m => new Member(FromData(m.Node), (MemberStatus)m.Status, m.UpNumber)).ToImmutableSortedSet();
        var version = new VectorClock(data.Version.ToImmutableSortedDictionary(v => v.Node, v => v.Version, StringComparer.Ordinal));
        var reachability = new Reachability(data.Reachability.ToImmutableDictionary(
            r => (FromData(r.Observer), FromData(r.Subject)),
            r => new Reachability.Record(r.Reachable, r.Version)));
        var tombstones = ImmutableDictionary.CreateBuilder<UniqueAddress, DateTimeOffset>();
        for (var i = 0; i < data.Tombstones.Count; i++)
        {
            tombstones[FromData(data.Tombstones[i])] = i < data.TombstoneRemovedAtMs.Count
                ? DateTimeOffset.FromUnixTimeMilliseconds(data.TombstoneRemovedAtMs[i])
                : received;
        }

        return new Gossip(members, version, data.Seen.Select(FromData).ToImmutableHashSet(), reachability, tombstones.ToImmutable());
    }

    public static UniqueAddressData ToData(UniqueAddress node) => new()
    {
        Address = ToData(node.Address),
        Uid = node.Uid,
    };

    public static AddressData ToData(Address address) => new() { System = address.System, Host = address.Host, Port = address.Port };

    public static UniqueAddress FromData(UniqueAddressData data) => new(FromData(data.Address), data.Uid);

    public static Address FromData(AddressData data) => new(data.System, data.Host, data.Port);
}
