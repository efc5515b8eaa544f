namespace MsgRelay.Hocon;

/// <summary>The <c>null</c> literal. A null field is present (it hides environment variables) but
/// <see cref="Config.HasPath"/> reports false for it.</summary>
public sealed class HoconNull : HoconValue
{
    public HoconNull(HoconOrigin origin)
        : base(origin)
    {
    }

    public override HoconValueType Type => HoconValueType.Null;

    public override bool IsResolved => true;

    internal override string ConcatenationText => "null";

    public override string ToString() => "null";
}
