namespace MsgRelay.Hocon;

/// <summary>A list of values.</summary>
public sealed class HoconArray : HoconValue, IReadOnlyList<HoconValue>
{
    private readonly List<HoconValue> _items;
    private bool? _resolved;

    public HoconArray(HoconOrigin origin, IEnumerable<HoconValue> items)
        : base(origin) => _items = [.. items];

    internal HoconArray(HoconOrigin origin, List<HoconValue> items, bool takeOwnership)
        : base(origin) => _items = takeOwnership ? items : [.. items];

    public override HoconValueType Type => HoconValueType.Array;

    public override bool IsResolved => _resolved ??= _items.TrueForAll(i => i.IsResolved);

    public int Count => _items.Count;

    public HoconValue this[int index] => _items[index];

    public IEnumerator<HoconValue> GetEnumerator() => _items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
