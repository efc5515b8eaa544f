using MsgRelay.Actors;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sites;

/// <summary>Forward <paramref name="Message"/> as <paramref name="Decision"/> says; the sender gets a <see cref="DeliveryOutcome"/>.</summary>
public sealed record ForwardMessage(RelayMessage Message, RouteDecision.Forward Decision);

/// <summary>A forward finished (outside the actor); <paramref name="ReplyTo"/> is told <paramref name="Outcome"/>.</summary>
internal sealed record ForwardCompleted(IActorRef ReplyTo, Recipient Target, DeliveryOutcome Outcome, NextHop? Via, IReadOnlyList<string> Failures);
