using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Cluster;

/// <summary>
/// One broadcast across the site: asks every node's registry to deliver to its sessions and
/// answers the sender once all have answered (or the ack timeout and a margin passed): delivered
/// when any node delivered, otherwise the first node's answer.
/// </summary>
public sealed class SiteBroadcast : ReceiveActor, IWithTimers
{
    // Past the registries' own ack timeout, so a slow node's "delivered" still counts.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1);

    private readonly IActorRef _replyTo;
    private readonly int _expected;
    private readonly List<DeliveryOutcome> _answers = [];

    /// <summary>Creates the broadcast to <paramref name="registries"/>.</summary>
    public SiteBroadcast(IReadOnlyList<IActorRef> registries, DeliverToLocalSessions deliver, IActorRef replyTo, TimeSpan ackTimeout)
    {
        _replyTo = replyTo;
        _expected = registries.Count;
        foreach (var registry in registries)
        {
            registry.Tell(deliver, Self);
        }

        Timers.StartSingleTimer("deadline", Deadline.Instance, ackTimeout + Margin);
        Receive<DeliveryOutcome>(OnAnswer);
        Receive<Deadline>(_ => Finish());
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of a broadcast.</summary>
    public static Props Props(IReadOnlyList<IActorRef> registries, DeliverToLocalSessions deliver, IActorRef replyTo, TimeSpan ackTimeout) =>
        Actors.Props.Create(() => new SiteBroadcast(registries, deliver, replyTo, ackTimeout));

    private void OnAnswer(DeliveryOutcome outcome)
    {
        _answers.Add(outcome);
        if (outcome.IsSuccess || _answers.Count >= _expected)
        {
            Finish();
        }
    }

    private void Finish()
    {
        var label = "anyone";
        _replyTo.Tell(_answers.FirstOrDefault(a => a.IsSuccess) ?? _answers.FirstOrDefault() ?? DeliveryOutcome.NotLoggedIn(label));
        Context.Stop(Self);
        Become(() => ReceiveAny(_ => { }));
    }

    private sealed record Deadline
    {
        public static Deadline Instance { get; } = new();
    }
}
