using MsgRelay.Actors;
using MsgRelay.Hocon;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;

namespace MsgRelay.Relay.Routing;

/// <summary>
/// The relay of one node, started by the composition root: the user directory's shard region, the
/// node's session registry, the router the front ends ask, and the factory of agent sessions the RWP
/// connections create.
/// </summary>
public sealed class RelayCore
{
    private RelayCore(RelaySettings settings, IActorRef router, IActorRef directory, IActorRef registry, Func<IActorRef, string, Props> agentSessionProps)
    {
        Settings = settings;
        Router = router;
        Directory = directory;
        Registry = registry;
        AgentSessionProps = agentSessionProps;
    }

    /// <summary>The settings the relay runs with.</summary>
    public RelaySettings Settings { get; }

    /// <summary>Ask with <see cref="Route"/> or <see cref="VerifyRecipient"/>; the answer is a <see cref="DeliveryOutcome"/>. Also answers <see cref="ListSessions"/>.</summary>
    public IActorRef Router { get; }

    /// <summary>The user directory's shard region (<see cref="ShardEnvelope"/> with <see cref="UserDirectory.EntityIdOf"/>).</summary>
    public IActorRef Directory { get; }

    /// <summary>This node's <see cref="SessionRegistry"/>: Ask with <see cref="ListSessions"/> for a <see cref="SessionList"/>.</summary>
    public IActorRef Registry { get; }

    /// <summary>Props of an agent session for (connection actor, peer host address); the connection creates it as its child.</summary>
    public Func<IActorRef, string, Props> AgentSessionProps { get; }

    /// <summary>Starts the relay from the node's configuration (keys it lacks take the reference defaults).</summary>
    /// <exception cref="HoconException">A bad relay setting; the message names the full key path.</exception>
    public static RelayCore Start(ActorSystem system, Config config, IRecipientClassifier? classifier = null) =>
        Start(system, RelaySettings.FromConfig(config), classifier);

    /// <summary>Starts the relay as top-level actors <c>user-directory</c>, <c>sessions</c> and <c>router</c>.</summary>
    public static RelayCore Start(ActorSystem system, RelaySettings settings, IRecipientClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var directory = system.ActorOf(
            ShardRegion.Props(id => UserDirectory.Props(id, settings), new ShardEnvelopeExtractor(settings.NumberOfShards)),
            "user-directory");
        var registry = system.ActorOf(SessionRegistry.Props(settings.NodeName, settings.Delivery.AckTimeout), "sessions");
        var router = system.ActorOf(Routing.Router.Props(settings, directory, registry, classifier ?? LocalRecipientClassifier.Instance), "router");
        var limiter = new KeyFailureLimiter(settings.Auth.MaxFailuresPerMinute);
        return new RelayCore(
            settings,
            router,
            directory,
            registry,
            (connection, peer) => AgentSession.Props(connection, peer, settings, directory, registry, limiter));
    }
}
