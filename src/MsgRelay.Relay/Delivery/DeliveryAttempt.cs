using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Delivery;

/// <summary>
/// One message on its way to a set of agent sessions (delivery rule 4): sends each a <see cref="Deliver"/>,
/// answers the asker as soon as one acknowledges, or with "not delivered" when all have declined, ended, or
/// the ack timeout passed. A child per message, so the directory entity never waits.
/// </summary>
public sealed class DeliveryAttempt : ReceiveActor, IWithTimers
{
    private readonly long _attemptId;
    private readonly IActorRef _replyTo;
    private readonly Func<int, DeliveryOutcome> _outcome;
    private readonly HashSet<IActorRef> _waitingFor;

    /// <summary>Creates the attempt; <paramref name="outcome"/> turns the number of acknowledgements into the answer.</summary>
    public DeliveryAttempt(
        long attemptId,
        IReadOnlyList<IActorRef> sessions,
        Deliver deliver,
        IActorRef replyTo,
        TimeSpan ackTimeout,
        Func<int, DeliveryOutcome> outcome)
    {
        _attemptId = attemptId;
        _replyTo = replyTo;
        _outcome = outcome;
        _waitingFor = [.. sessions];
        foreach (var session in _waitingFor)
        {
            Context.Watch(session);
            session.Tell(deliver, Self);
        }

        // The sessions run the same timeout and answer NotAcknowledged; this one is the backstop for
        // a session that cannot answer at all (its node vanished).
        Timers.StartSingleTimer("ack-timeout", AttemptTimedOut.Instance, ackTimeout);
        Receive<Delivered>(d => d.AttemptId == _attemptId, _ => Finish(1));
        Receive<NotAcknowledged>(n => n.AttemptId == _attemptId, _ => Declined(Sender));
        Receive<Terminated>(t => Declined(t.ActorRef));
        Receive<AttemptTimedOut>(_ => Finish(0));
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of an attempt.</summary>
    public static Props Props(long attemptId, IReadOnlyList<IActorRef> sessions, Deliver deliver, IActorRef replyTo, TimeSpan ackTimeout, Func<int, DeliveryOutcome> outcome) =>
        Actors.Props.Create(() => new DeliveryAttempt(attemptId, sessions, deliver, replyTo, ackTimeout, outcome));

    private void Declined(IActorRef session)
    {
        if (_waitingFor.Remove(session) && _waitingFor.Count == 0)
        {
            Finish(0);
        }
    }

    private void Finish(int acknowledged)
    {
        _replyTo.Tell(_outcome(acknowledged));
        Context.Stop(Self);
        Become(() => ReceiveAny(_ => { }));
    }

    private sealed record AttemptTimedOut
    {
        public static AttemptTimedOut Instance { get; } = new();
    }
}
