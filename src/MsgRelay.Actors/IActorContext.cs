using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors;

/// <summary>
/// The actor's view of itself and the runtime. Every actor instance has its own context; it is
/// only to be used from inside the actor (its handlers, hooks, and async handlers while they run).
/// </summary>
public interface IActorContext
{
    /// <summary>This actor.</summary>
    IActorRef Self { get; }

    /// <summary>Sender of the message being processed (dead letters when there was none).</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The system the actor lives in.</summary>
    ActorSystem System { get; }

    /// <summary>The props this actor was created from.</summary>
    Props Props { get; }

    /// <summary>Live children (a snapshot).</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The current receive timeout, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>Creates a child; <paramref name="name"/> must be unique among live siblings.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>A child by name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Stops a child or this actor asynchronously (after the current message).</summary>
    void Stop(IActorRef actor);

    /// <summary>Delivers <see cref="Terminated"/> exactly once when <paramref name="subject"/> stops (or already has).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Cancels a watch; no Terminated for it is delivered afterwards.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends <see cref="Actors.ReceiveTimeout"/> after this much inactivity; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour, keeping the current one for <see cref="UnbecomeStacked"/>.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    void UnbecomeStacked();

    /// <summary>Returns to the previous behaviour (same as <see cref="UnbecomeStacked"/>).</summary>
    void Unbecome();

    /// <summary>Selects actors by path, absolute or relative to this actor ("../sibling", "child").</summary>
    ActorSelection ActorSelection(string path);

    /// <summary>A logger whose events carry this actor's path as the <c>ActorPath</c> property.</summary>
    ILogger GetLogger();
}
