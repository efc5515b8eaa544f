namespace MsgRelay.Hocon;

/// <summary>Where a value or a problem comes from: a file path (or a description such as
/// <c>&lt;string&gt;</c>), and a 1-based line and column (0 when unknown).</summary>
public readonly record struct HoconOrigin(string Description, int Line, int Column)
{
    /// <summary>An origin with no position, for values that do not come from text.</summary>
    public static HoconOrigin None(string description) => new(description, 0, 0);

    /// <summary><c>file:line</c>, the short form used in validation reports.</summary>
    public string FileAndLine => Line > 0 ? $"{Description}:{Line}" : Description;

    /// <summary><c>file:line:column</c>, the form used at the start of error messages.</summary>
    public override string ToString() =>
        Line > 0 ? (Column > 0 ? $"{Description}:{Line}:{Column}" : $"{Description}:{Line}") : Description;
}
