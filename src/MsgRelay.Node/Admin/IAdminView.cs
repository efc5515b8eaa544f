namespace MsgRelay.Node.Admin;

/// <summary>What the admin endpoint may ask of the running node.</summary>
internal interface IAdminView
{
    /// <summary>Ready means: listeners bound (and, in a cluster, joined and owning shards).</summary>
    bool IsReady { get; }

    Task<IReadOnlyList<WhoEntry>> WhoAsync(CancellationToken cancellationToken);

    /// <summary>Every instrument in Prometheus text format.</summary>
    string Metrics();
}

/// <summary>One logged-in agent session, as `msgrelay who` shows it.</summary>
internal sealed record WhoEntry(string User, string Tty, string Node, DateTimeOffset LoginTime, TimeSpan Idle);
