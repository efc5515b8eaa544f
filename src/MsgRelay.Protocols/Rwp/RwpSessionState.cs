namespace MsgRelay.Protocols.Rwp;

/// <summary>Where an <see cref="RwpSession"/> is in the dialogue.</summary>
public enum RwpSessionState
{
    /// <summary>Lines are commands.</summary>
    Commands,

    /// <summary>After DATA: lines are body lines until the lone dot.</summary>
    Data,

    /// <summary>After QUIT/BYE: further lines are ignored.</summary>
    Closed,
}
