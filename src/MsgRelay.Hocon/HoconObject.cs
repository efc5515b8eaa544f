using System.Diagnostics.CodeAnalysis;

namespace MsgRelay.Hocon;

/// <summary>An object: fields in the order they were first defined. Immutable once parsing ends.</summary>
public sealed class HoconObject : HoconValue, IReadOnlyDictionary<string, HoconValue>
{
    private readonly OrderedDictionary<string, HoconValue> _fields;
    private bool? _resolved;

    public HoconObject(HoconOrigin origin)
        : base(origin) => _fields = new OrderedDictionary<string, HoconValue>(StringComparer.Ordinal);

    public HoconObject(HoconOrigin origin, IEnumerable<KeyValuePair<string, HoconValue>> fields)
        : this(origin)
    {
        foreach (var (key, value) in fields)
        {
            _fields[key] = value;
        }
    }

    public override HoconValueType Type => HoconValueType.Object;

    public override bool IsResolved => _resolved ??= ComputeResolved();

    public int Count => _fields.Count;

    public IEnumerable<string> Keys => _fields.Keys;

    public IEnumerable<HoconValue> Values => _fields.Values;

    public HoconValue this[string key] => _fields[key];

    public bool ContainsKey(string key) => _fields.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out HoconValue value) => _fields.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, HoconValue>> GetEnumerator() => _fields.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The parser that created this object and may still extend it in place; objects
    /// are never reachable from two places while their builder runs, so this saves copying on
    /// every path key (<c>a.b.c = 1</c>) without breaking immutability for anyone else.</summary>
    internal object? Builder { get; init; }

    /// <summary>Sets a field while the object is being built (parser, merge, resolver only).</summary>
    internal void Set(string key, HoconValue value)
    {
        _fields[key] = value;
        _resolved = null;
    }

    /// <summary>Adds a field the way a duplicate key in a file does: merged with any earlier value.</summary>
    internal void MergeField(string key, HoconValue value)
    {
        Set(key, _fields.TryGetValue(key, out var older) ? HoconMerge.Merge(older, value) : value);
    }

    private bool ComputeResolved()
    {
        foreach (var value in _fields.Values)
        {
            if (!value.IsResolved)
            {
                return false;
            }
        }

        return true;
    }
}
