namespace MsgRelay.Hocon;

/// <summary>Several definitions of one field that cannot be merged before substitutions are
/// resolved, newest first. Resolving merges them top-down; a self-reference made while resolving
/// element i sees only the elements below it ("looking back" in the merge stack).</summary>
internal sealed class HoconDelayedMerge : HoconValue
{
    public HoconDelayedMerge(IReadOnlyList<HoconValue> stack)
        : base(stack[0].Origin) => Stack = stack;

    public IReadOnlyList<HoconValue> Stack { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    public override bool IsResolved => false;
}
