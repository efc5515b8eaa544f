using System.Diagnostics.Metrics;
using MsgRelay.Cluster.Sharding;
using MsgRelay.Relay.Telemetry;
using ClusterMembership = MsgRelay.Cluster.Cluster;
using MemberStatus = MsgRelay.Cluster.MemberStatus;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// The cluster's gauges for /metrics: members by state (as this node sees them) and the directory
/// shards this node owns. Read from the cluster's published state when scraped; no actor is asked.
/// </summary>
public static class ClusterGauges
{
    /// <summary>Publishes the gauges for <paramref name="cluster"/>; call once per process.</summary>
    public static void Register(ClusterMembership cluster, int numberOfShards)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        RelayMetrics.Gauge("msgrelay.cluster.members", "{member}", "Cluster members by state, as this node sees them.", () =>
        {
            var state = cluster.State;
            return Enum.GetValues<MemberStatus>().Select(status => new Measurement<long>(
                state.Members.Count(m => m.Status == status),
                new KeyValuePair<string, object?>("status", status.ToString().ToLowerInvariant())));
        });
        RelayMetrics.Gauge("msgrelay.cluster.unreachable", "{member}", "Members this node cannot reach.", () =>
            [new Measurement<long>(cluster.State.Unreachable.Count)]);
        RelayMetrics.Gauge("msgrelay.cluster.shards.owned", "{shard}", "Directory shards allocated to this node.", () =>
        {
            var allocation = new ShardAllocation(cluster.State);
            var self = cluster.SelfAddress;
            var owned = 0;
            for (var shard = 0; shard < numberOfShards; shard++)
            {
                if (allocation.OwnerOf(shard.ToString(System.Globalization.CultureInfo.InvariantCulture)) == self)
                {
                    owned++;
                }
            }

            return [new Measurement<long>(owned)];
        });
    }
}
