namespace MsgRelay.Hocon;

/// <summary>A string value, quoted or not in the source.</summary>
public sealed class HoconString : HoconValue
{
    public HoconString(string value, HoconOrigin origin)
        : base(origin) => Value = value;

    internal HoconString(string value, HoconOrigin origin, bool isWhitespace)
        : base(origin)
    {
        Value = value;
        IsWhitespace = isWhitespace;
    }

    public string Value { get; }

    public override HoconValueType Type => HoconValueType.String;

    public override bool IsResolved => true;

    /// <summary>True for the whitespace kept between the pieces of a value concatenation; it
    /// matters for strings and is dropped between arrays or objects.</summary>
    internal bool IsWhitespace { get; }

    internal override string ConcatenationText => Value;

    public override string ToString() => Value;
}
