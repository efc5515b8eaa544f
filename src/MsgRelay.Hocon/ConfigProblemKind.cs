namespace MsgRelay.Hocon;

public enum ConfigProblemKind
{
    /// <summary>The key is not in the reference configuration.</summary>
    UnknownKey,

    /// <summary>The reference has an object where the config has a plain value, or the reverse,
    /// or a list where the config has something else.</summary>
    WrongShape,
}
