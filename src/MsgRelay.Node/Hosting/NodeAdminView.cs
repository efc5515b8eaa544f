using MsgRelay.Actors;
using MsgRelay.Node.Admin;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Node.Hosting;

/// <summary>The admin endpoint's window on the node: asks actors, never touches their state.</summary>
internal sealed class NodeAdminView(RelayCore relay, PrometheusExporter metrics) : IAdminView
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public bool IsReady => true;

    public string Metrics() => metrics.Render();

    public async Task<IReadOnlyList<WhoEntry>> WhoAsync(CancellationToken cancellationToken)
    {
        var list = await relay.Registry.Ask<SessionList>(new ListSessions(), AskTimeout, cancellationToken).ConfigureAwait(false);
        return [.. list.Sessions.Select(s => new WhoEntry(s.User, s.Tty, s.Node, s.LoginTime, s.Idle))];
    }
}
