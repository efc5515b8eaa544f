namespace MsgRelay.Hocon;

/// <summary>A <c>true</c> or <c>false</c> literal.</summary>
public sealed class HoconBoolean : HoconValue
{
    public HoconBoolean(bool value, HoconOrigin origin)
        : base(origin) => Value = value;

    public bool Value { get; }

    public override HoconValueType Type => HoconValueType.Boolean;

    public override bool IsResolved => true;

    internal override string ConcatenationText => Value ? "true" : "false";

    public override string ToString() => ConcatenationText;
}
