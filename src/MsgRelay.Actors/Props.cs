namespace MsgRelay.Actors;

/// <summary>
/// The recipe for an actor: how to create (and re-create on restart) its instance, and the
/// supervisor strategy it applies to its children when set here instead of overridden.
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? supervisorStrategy)
    {
        ActorType = actorType;
        Factory = factory;
        SupervisorStrategy = supervisorStrategy;
    }

    /// <summary>The type of actor created.</summary>
    public Type ActorType { get; }

    /// <summary>Overrides the actor's own SupervisorStrategy() when not null.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

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
        return new Props(ActorType, Factory, strategy);
    }

    /// <inheritdoc />
    public override string ToString() => $"Props({ActorType.Name})";
}
