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
public sealed class Router : ReceiveActor
{
    private readonly RelaySettings _settings;
    private readonly IActorRef _directory;
    private readonly IActorRef _registry;
    private readonly IRecipientClassifier _classifier;
    private readonly IActorRef _forwarder;
    private readonly ILogger _log;

    /// <summary>Creates the router; <paramref name="forwarder"/> takes the messages the classifier decides to forward.</summary>
    public Router(RelaySettings settings, IActorRef directory, IActorRef registry, IRecipientClassifier classifier, IActorRef? forwarder = null)
    {
        _settings = settings;
        _directory = directory;
        _registry = registry;
        _classifier = classifier;
        _forwarder = forwarder ?? ActorRefs.Nobody;
        _log = Context.GetLogger();
        Receive<Route>(OnRoute);
        Receive<VerifyRecipient>(OnVerify);
        Receive<ListSessions>(l => _registry.Tell(l, Sender));
    }

    /// <summary>Props of the router.</summary>
    public static Props Props(RelaySettings settings, IActorRef directory, IActorRef registry, IRecipientClassifier classifier, IActorRef? forwarder = null) =>
        Actors.Props.Create(() => new Router(settings, directory, registry, classifier, forwarder));

    private void OnRoute(Route route)
    {
        var message = route.Message;
        var to = message.To;
        if (to.User.Length == 0)
        {
            if (to.IsBroadcast && !MayBroadcast(message.SourceAddress ?? message.From.Host))
            {
                return;
            }

            if (!to.IsBroadcast && string.IsNullOrEmpty(to.Tty))
            {
                Sender.Tell(DeliveryOutcome.NotLoggedIn("nobody") with { Reason = "no recipient named" });
                return;
            }

            _registry.Tell(new DeliverToLocalSessions(message, to.IsBroadcast ? null : to.Tty), Sender);
            return;
        }

        switch (_classifier.Classify(to, message.Hops, message.LocalOnly))
        {
            case RouteDecision.Rejected rejected:
                Sender.Tell(rejected.Outcome);
                break;
            case RouteDecision.Forward forward:
                _forwarder.Tell(new ForwardMessage(message, forward), Sender);
                break;
            default:
                if (message.Forwarders.Count > 0)
                {
                    ForwarderLog.ForwardedArrival(_log, to.ToString(), message.Forwarders[^1], message.From.Host, string.Join(' ', message.Forwarders), message.Hops);
                }

                _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(to.User), route), Sender);
                break;
        }
    }

    private void OnVerify(VerifyRecipient verify)
    {
        var to = verify.To;
        if (to.User.Length == 0)
        {
            if (!to.IsBroadcast || MayBroadcast(verify.From.Host))
            {
                Sender.Tell(to.IsBroadcast || !string.IsNullOrEmpty(to.Tty)
                    ? DeliveryOutcome.Delivered()
                    : DeliveryOutcome.NotLoggedIn("nobody") with { Reason = "no recipient named" });
            }

            return;
        }

        switch (_classifier.Classify(to, verify.Hops, verify.LocalOnly))
        {
            case RouteDecision.Rejected rejected:
                Sender.Tell(rejected.Outcome);
                break;
            case RouteDecision.Forward forward:
                // A route exists: RWP answers 110 <user@host> without asking the far side.
                Sender.Tell(DeliveryOutcome.Forwarded($"{forward.Target.User}@{forward.Target.Host}"));
                break;
            default:
                _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(to.User), verify), Sender);
                break;
        }
    }

    // Answers the refusal itself when the address may not broadcast.
    private bool MayBroadcast(string address)
    {
        if (_settings.Delivery.MayBroadcast(address))
        {
            return true;
        }

        RouterLog.BroadcastRefused(_log, address);
        Sender.Tell(DeliveryOutcome.Refused("everyone") with { Reason = "broadcast not allowed from " + address });
        return false;
    }
}
