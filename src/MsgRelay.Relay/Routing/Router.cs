using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Relay.Routing;

/// <summary>
/// The front ends' entry to the relay: answers <see cref="Route"/> and <see cref="VerifyRecipient"/>
/// with a <see cref="DeliveryOutcome"/>. Messages for a user go to the user directory's shard region,
/// which answers the asker directly; broadcasts (rule 5) and "any user on terminal X" go to this node's
/// <see cref="SessionRegistry"/>; broadcasts only from <c>msgrelay.delivery.broadcast-from</c>.
/// </summary>
/// <remarks>
/// An actor reference that decides in the sender's own turn instead of an actor: the decision
/// reads only immutable settings and the classifier (whose table swaps atomically), so a mailbox
/// would add nothing but a thread-pool hand-off to every message. Anything but the three questions
/// goes to dead letters.
/// </remarks>
public sealed class Router : IInlineActorRef
{
    private readonly RelaySettings _settings;
    private readonly IActorRef _directory;
    private readonly IActorRef _registry;
    private readonly IRecipientClassifier _classifier;
    private readonly IActorRef _forwarder;
    private readonly IActorRef _deadLetters;
    private readonly ILogger _log;

    /// <summary>Creates the router of <paramref name="system"/>; <paramref name="forwarder"/> takes the messages the classifier decides to forward.</summary>
    public Router(ActorSystem system, RelaySettings settings, IActorRef directory, IActorRef registry, IRecipientClassifier classifier, IActorRef? forwarder = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        _settings = settings;
        _directory = directory;
        _registry = registry;
        _classifier = classifier;
        _forwarder = forwarder ?? ActorRefs.Nobody;
        System = system;
        _deadLetters = system.DeadLetters;
        _log = system.LoggerFactory.CreateLogger<Router>();
        Path = ActorPath.CreateRoot(system.Name) / "user" / "router";
    }

    /// <inheritdoc />
    public ActorPath Path { get; }

    /// <inheritdoc />
    public ActorSystem System { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef? sender = null)
    {
        var replyTo = sender ?? _deadLetters;
        switch (message)
        {
            case Route route:
                OnRoute(route, replyTo);
                break;
            case VerifyRecipient verify:
                OnVerify(verify, replyTo);
                break;
            case ListSessions list:
                _registry.Tell(list, replyTo);
                break;
            default:
                _deadLetters.Tell(message, replyTo);
                break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Path.ToString();

    private void OnRoute(Route route, IActorRef sender)
    {
        var message = route.Message;
        var to = message.To;
        if (to.User.Length == 0)
        {
            if (to.IsBroadcast && !MayBroadcast(message.SourceAddress ?? message.From.Host, sender))
            {
                return;
            }

            if (!to.IsBroadcast && string.IsNullOrEmpty(to.Tty))
            {
                sender.Tell(DeliveryOutcome.NotLoggedIn("nobody") with { Reason = "no recipient named" });
                return;
            }

            _registry.Tell(new DeliverToLocalSessions(message, to.IsBroadcast ? null : to.Tty), sender);
            return;
        }

        switch (_classifier.Classify(to, message.Hops, message.LocalOnly))
        {
            case RouteDecision.Rejected rejected:
                sender.Tell(rejected.Outcome);
                break;
            case RouteDecision.Forward forward:
                _forwarder.Tell(new ForwardMessage(message, forward), sender);
                break;
            default:
                if (message.Forwarders.Count > 0)
                {
                    ForwarderLog.ForwardedArrival(_log, to.ToString(), message.Forwarders[^1], message.From.Host, string.Join(' ', message.Forwarders), message.Hops);
                }

                _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(to.User), route), sender);
                break;
        }
    }

    private void OnVerify(VerifyRecipient verify, IActorRef sender)
    {
        var to = verify.To;
        if (to.User.Length == 0)
        {
            if (!to.IsBroadcast || MayBroadcast(verify.From.Host, sender))
            {
                sender.Tell(to.IsBroadcast || !string.IsNullOrEmpty(to.Tty)
                    ? DeliveryOutcome.Delivered()
                    : DeliveryOutcome.NotLoggedIn("nobody") with { Reason = "no recipient named" });
            }

            return;
        }

        switch (_classifier.Classify(to, verify.Hops, verify.LocalOnly))
        {
            case RouteDecision.Rejected rejected:
                sender.Tell(rejected.Outcome);
                break;
            case RouteDecision.Forward forward:
                // A route exists: RWP answers 110 <user@host> without asking the far side.
                sender.Tell(DeliveryOutcome.Forwarded($"{forward.Target.User}@{forward.Target.Host}"));
                break;
            default:
                _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(to.User), verify), sender);
                break;
        }
    }

    // Answers the refusal itself when the address may not broadcast.
    private bool MayBroadcast(string address, IActorRef sender)
    {
        if (_settings.Delivery.MayBroadcast(address))
        {
            return true;
        }

        RouterLog.BroadcastRefused(_log, address);
        sender.Tell(DeliveryOutcome.Refused("everyone") with { Reason = "broadcast not allowed from " + address });
        return false;
    }
}
