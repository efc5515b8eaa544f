namespace MsgRelay.Relay.Directory;

/// <summary>How <see cref="SessionSelection"/> decided.</summary>
public enum SessionChoiceKind
{
    /// <summary>The user has no session (rule 1).</summary>
    NoSession,

    /// <summary>An exact terminal was named and the user has no session on it (rule 3: 670).</summary>
    NoSuchTerminal,

    /// <summary>Every candidate refuses the sender (rule 2: mesg n or a deny rule).</summary>
    Refused,

    /// <summary><see cref="SessionChoice.Sessions"/> are to be delivered to.</summary>
    Chosen,
}

/// <summary>The sessions a message goes to, or why there are none.</summary>
public sealed record SessionChoice(SessionChoiceKind Kind, IReadOnlyList<SessionEntry> Sessions)
{
    /// <summary>A choice of no session, for the reason given.</summary>
    public static SessionChoice None(SessionChoiceKind kind) => new(kind, []);
}
