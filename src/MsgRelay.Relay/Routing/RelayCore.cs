using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Relay.Routing;

/// <summary>
/// The relay of one node, started by the composition root: the user directory's shard region, the
/// node's session registry, the router the front ends ask, and the factory of agent sessions the RWP
/// connections create.
/// </summary>
public sealed class RelayCore
{
    private RelayCore(RelaySettings settings, IActorRef router, IActorRef directory, IActorRef registry, Func<AgentConnection, Props> agentSessionProps, SiteClassifier sites)
    {
        Sites = sites;
        Settings = settings;
        Router = router;
        Directory = directory;
        Registry = registry;
        AgentSessionProps = agentSessionProps;
    }

    /// <summary>The site's routing table; <see cref="SiteClassifier.Reload"/> swaps in new routes while the node runs.</summary>
    public SiteClassifier Sites { get; }

    /// <summary>The settings the relay runs with.</summary>
    public RelaySettings Settings { get; }

    /// <summary>Ask with <see cref="Route"/> or <see cref="VerifyRecipient"/>; the answer is a <see cref="DeliveryOutcome"/>. Also answers <see cref="ListSessions"/>.</summary>
    public IActorRef Router { get; }

    /// <summary>The user directory's shard region (<see cref="ShardEnvelope"/> with <see cref="UserDirectory.EntityIdOf"/>).</summary>
    public IActorRef Directory { get; }

    /// <summary>This node's <see cref="SessionRegistry"/>: Ask with <see cref="ListSessions"/> for a <see cref="SessionList"/>.</summary>
    public IActorRef Registry { get; }

    /// <summary>Props of an agent session for a connection; the connection creates it as its child.</summary>
    public Func<AgentConnection, Props> AgentSessionProps { get; }

    /// <summary>Starts the relay from the node's configuration (keys it lacks take the reference defaults).</summary>
    /// <exception cref="HoconException">A bad relay setting; the message names the full key path.</exception>
    public static RelayCore Start(ActorSystem system, Config config, IRecipientClassifier? classifier = null) =>
        Start(system, RelaySettings.FromConfig(config), classifier);

    /// <summary>
    /// Starts the relay as top-level actors <c>user-directory</c>, <c>sessions</c> and <c>forwarder</c>,
    /// with the <see cref="Routing.Router"/> in front (a reference that decides in the caller's turn).
    /// Without <paramref name="classifier"/> the site's routing table (msgrelay.site, msgrelay.routing)
    /// decides which recipients are local and which are forwarded.
    /// </summary>
    public static RelayCore Start(ActorSystem system, RelaySettings settings, IRecipientClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        // With the cluster started (the node host always starts it) the directory is sharded over the
        // members; without it (tests of the relay alone) the same entities run in a local region.
        var directory = Cluster.ClusteredDirectory.IsClustered(system)
            ? Cluster.ClusteredDirectory.Start(system, settings)
            : system.ActorOf(
                ShardRegion.Props(id => UserDirectory.Props(id, settings), new ShardEnvelopeExtractor(settings.NumberOfShards)),
                "user-directory");
        var registry = system.ActorOf(SessionRegistry.Props(settings.NodeName, settings.Delivery.AckTimeout), "sessions");
        var sites = SiteClassifier.ForThisMachine(settings.Sites, settings.NodeName);
        var hopClient = new RwpHopClient(settings.Sites.Forwarder);
        var forwarder = system.ActorOf(Forwarder.Props(sites, hopClient), "forwarder");
        // On a cluster, broadcasts reach every node's sessions (delivery rule 5: the whole site).
        var siteSessions = registry;
        if (Cluster.ClusteredDirectory.IsClustered(system))
        {
            siteSessions = system.ActorOf(Cluster.SiteSessions.Props(registry, settings.Delivery.AckTimeout), "site-sessions");
            system.ActorOf(Cluster.SessionRefresh.Props(registry, directory), "session-refresh");
        }

        var router = new Routing.Router(system, settings, directory, siteSessions, classifier ?? sites, forwarder);
        var limiter = new KeyFailureLimiter(settings.Auth.MaxFailuresPerMinute);
        return new RelayCore(
            settings,
            router,
            directory,
            registry,
            connection => AgentSession.Props(connection, settings, directory, registry, limiter),
            sites);
    }
}
