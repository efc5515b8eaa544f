namespace MsgRelay.Hocon;

/// <summary>A value concatenation that holds at least one substitution, so it can only be
/// combined at resolve time.</summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(IReadOnlyList<HoconValue> pieces, HoconOrigin origin)
        : base(origin) => Pieces = pieces;

    public IReadOnlyList<HoconValue> Pieces { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    public override bool IsResolved => false;

    public override string ToString() => string.Concat(Pieces.Select(p => p.ConcatenationText ?? p.ToString()));
}
