namespace MsgRelay.Actors;

/// <summary>
/// The recipe for an actor: how to create (and re-create on restart) its instance, and the
/// supervisor strategy it applies to its children when set here instead of overridden.
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy, bool deferWakeUp = false)
    {
        ActorType = actorType;
        Factory = factory;
        SupervisorStrategy = supervisorStrategy;
        DeferWakeUp = deferWakeUp;
    }

    /// <summary>The type of actor created.</summary>
    public Type ActorType { get; }

    /// <summary>Overrides the actor's own SupervisorStrategy() when not null.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>
    /// Whether a message that wakes the idle actor queues its turn behind the work already queued
    /// (the thread pool's global queue) instead of next on the waking worker (its local queue, the
    /// default). See <see cref="WithDeferredWakeUp"/>.
    /// </summary>
    public bool DeferWakeUp { get; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Props whose actors are created by <paramref name="factory"/>, called once per start or restart.</summary>
    public static Props Create<T>(Func<T> factory) where T : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(T), factory, null);
    }

    /// <summary>Props for an actor with a parameterless constructor.</summary>
    public static Props Create<T>() where T : ActorBase, new() => new(typeof(T), static () => new T(), null);

    /// <summary>A copy that supervises children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, Factory, strategy, DeferWakeUp);
    }

    /// <summary>
    /// A copy whose actors start their turn after the work queued before they were woken, so more of
    /// their messages have arrived by then: for actors that gather a turn's messages into one piece
    /// of work (an agent session writes one batch to its socket per turn). By default a woken actor
    /// runs next on the worker that woke it, which suits actors that answer each message on its own.
    /// </summary>
    public Props WithDeferredWakeUp() => new(ActorType, Factory, SupervisorStrategy, deferWakeUp: true);

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
