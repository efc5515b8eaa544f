namespace MsgRelay.Relay.Sites;

/// <summary>One entry of <c>msgrelay.routing.routes</c>: hosts matching <see cref="Domains"/> go to <see cref="Via"/>, tried in order.</summary>
public sealed record SiteRoute(IReadOnlyList<string> Domains, IReadOnlyList<NextHop> Via);
