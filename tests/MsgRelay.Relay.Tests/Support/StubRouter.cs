using MsgRelay.Actors;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>A router that answers every Route and VerifyRecipient at once (Delivered unless told otherwise; a null answer means it stays silent) and reports what it got to an optional probe.</summary>
public sealed class StubRouter : ReceiveActor
{
    public StubRouter(IActorRef? observer = null, Func<object, DeliveryOutcome?>? answer = null)
    {
        ReceiveAny(message =>
        {
            observer?.Tell(message);
            var outcome = answer is null ? DeliveryOutcome.Delivered() : answer(message);
            if (outcome is not null)
            {
                Sender.Tell(outcome);
            }
        });
    }

    public static Props Props(IActorRef? observer = null, Func<object, DeliveryOutcome?>? answer = null) =>
        Actors.Props.Create(() => new StubRouter(observer, answer));
}
