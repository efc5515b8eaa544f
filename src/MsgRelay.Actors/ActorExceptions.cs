namespace MsgRelay.Actors;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>.</summary>
public sealed class ActorKilledException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException() : base("Kill") { }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorKilledException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An actor's constructor, PreStart or PostRestart threw; the default supervisor stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException() : base("Actor initialization failed") { }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorInitializationException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The actor that failed to start, when known.</summary>
    public IActorRef? Actor { get; init; }
}

/// <summary>An actor received a <see cref="Terminated"/> it did not handle.</summary>
public sealed class DeathPactException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeathPactException() : base("Unhandled Terminated") { }

    /// <summary>Creates the exception.</summary>
    public DeathPactException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public DeathPactException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The actor whose death was not handled.</summary>
    public IActorRef? DeadActor { get; init; }
}

/// <summary>An Ask got no reply in time.</summary>
public sealed class AskTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException() : base("Ask timed out") { }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An actor name is malformed or already taken among its siblings.</summary>
public sealed class InvalidActorNameException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException() { }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>ActorSelection.ResolveOne found nobody at the path.</summary>
public sealed class ActorNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException() : base("Actor not found") { }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ActorNotFoundException(string message, Exception inner) : base(message, inner) { }
}
