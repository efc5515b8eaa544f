namespace MsgRelay.Hocon;

/// <summary>The JSON type of a value; <see cref="Unresolved"/> only appears before <see cref="Config.Resolve"/>.</summary>
public enum HoconValueType
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
    Unresolved,
}
