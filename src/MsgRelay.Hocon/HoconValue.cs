namespace MsgRelay.Hocon;

/// <summary>A node of the configuration tree. Resolved trees hold only objects, arrays, strings,
/// numbers, booleans and nulls.</summary>
public abstract class HoconValue
{
    private protected HoconValue(HoconOrigin origin) => Origin = origin;

    /// <summary>Where the value was written.</summary>
    public HoconOrigin Origin { get; }

    public abstract HoconValueType Type { get; }

    /// <summary>False while the value, or anything inside it, still holds a substitution.</summary>
    public abstract bool IsResolved { get; }

    /// <summary>The text this value contributes to a string concatenation, or null for objects and arrays.</summary>
    internal virtual string? ConcatenationText => null;

    internal static string Describe(HoconValue value) => value switch
    {
        HoconString s => $"\"{s.Value}\"",
        HoconNumber n => $"number {n.Text}",
        HoconBoolean b => b.Value ? "boolean true" : "boolean false",
        HoconNull => "null",
        HoconObject => "an object",
        HoconArray => "a list",
        _ => "an unresolved substitution",
    };
}
