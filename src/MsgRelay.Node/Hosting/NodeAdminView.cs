using MsgRelay.Actors;
using MsgRelay.Cluster;
using MsgRelay.Cluster.Sharding;
using MsgRelay.Node.Admin;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Cluster;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// The admin endpoint's window on the node: asks actors, never touches their state. `who` asks the
/// session registry of every member, so any node lists the whole cluster's sessions.
/// </summary>
internal sealed class NodeAdminView(RelayCore relay, Cluster.Cluster cluster, PrometheusExporter metrics) : IAdminView
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    // A member that does not answer within this is left out of `who` rather than failing it.
    private static readonly TimeSpan MemberAskTimeout = TimeSpan.FromSeconds(2);

    public bool IsReady => cluster.SelfMember.Status == MemberStatus.Up && new ShardAllocation(cluster.State).Owners.Count > 0;

    public string Metrics() => metrics.Render();

    public async Task<IReadOnlyList<WhoEntry>> WhoAsync(CancellationToken cancellationToken)
    {
        var members = cluster.State.Members
            .Where(m => m.Status is MemberStatus.Up or MemberStatus.Leaving or MemberStatus.Joining && m.Address != cluster.SelfAddress)
            .Select(m => cluster.Remoting.RemoteRef(m.Address, ClusteredDirectory.RegistryPath))
            .ToList();
        var local = relay.Registry.Ask<SessionList>(new ListSessions(), AskTimeout, cancellationToken);
        var remote = members.Select(async r =>
        {
            try
            {
                return await r.Ask<SessionList>(new ListSessions(), MemberAskTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return new SessionList([]);
            }
        });
        var lists = await Task.WhenAll(remote.Prepend(local)).ConfigureAwait(false);
        return [.. lists.SelectMany(l => l.Sessions).Select(s => new WhoEntry(s.User, s.Tty, s.Node, s.LoginTime, s.Idle))];
    }

    public async Task<ClusterStatus> ClusterAsync(CancellationToken cancellationToken)
    {
        var state = cluster.State;
        var allocation = new ShardAllocation(state);
        var shardsPerOwner = Enumerable.Range(0, relay.Settings.NumberOfShards)
            .Select(i => allocation.OwnerOf(i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Where(o => o is not null)
            .GroupBy(o => o!)
            .ToDictionary(g => g.Key, g => g.Count());
        var local = await relay.Directory.Ask<CurrentRegionShards>(new GetRegionShards(), AskTimeout, cancellationToken).ConfigureAwait(false);
        var members = state.Members
            .Select(m => new MemberEntry(
                m.Address.ToString(),
                m.Status.ToString(),
                !state.Unreachable.Any(u => u.Address == m.Address),
                m.Address == cluster.SelfAddress,
                shardsPerOwner.GetValueOrDefault(m.Address)))
            .ToList();
        return new ClusterStatus(cluster.SelfAddress.ToString(), cluster.SelfMember.Status.ToString(), state.Leader?.ToString(), members, local.LocalShards);
    }
}
