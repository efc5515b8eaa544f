using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// What a node starts from, read and checked before the host is built: a bad value stops start-up
/// before anything binds a port. The file and overrides are kept for route reloads.
/// </summary>
internal sealed record NodeStart(
    Config Config,
    NodeSettings Settings,
    RelaySettings Relay,
    ListenerSettings Listeners,
    string? ConfigFile,
    IReadOnlyList<string> Overrides);
