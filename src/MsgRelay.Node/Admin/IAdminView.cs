namespace MsgRelay.Node.Admin;

/// <summary>What the admin endpoint may ask of the running node.</summary>
internal interface IAdminView
{
    /// <summary>Ready means: listeners bound (and, in a cluster, joined and owning shards).</summary>
    bool IsReady { get; }

    Task<IReadOnlyList<WhoEntry>> WhoAsync(CancellationToken cancellationToken);

    /// <summary>Every instrument in Prometheus text format.</summary>
    string Metrics();

    /// <summary>The cluster as this node sees it, for /cluster/members and `msgrelay status`.</summary>
    Task<ClusterStatus> ClusterAsync(CancellationToken cancellationToken);
}

/// <summary>One member of the cluster; <see cref="Shards"/> is how many directory shards it owns.</summary>
internal sealed record MemberEntry(string Address, string Status, bool Reachable, bool IsSelf, int Shards);

/// <summary>The cluster as one node sees it.</summary>
internal sealed record ClusterStatus(string Self, string SelfStatus, string? Leader, IReadOnlyList<MemberEntry> Members, IReadOnlyList<string> LocalShards);

/// <summary>One logged-in agent session, as `msgrelay who` shows it.</summary>
internal sealed record WhoEntry(string User, string Tty, string Node, DateTimeOffset LoginTime, TimeSpan Idle);
