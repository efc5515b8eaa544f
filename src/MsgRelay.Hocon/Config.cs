using MsgRelay.Hocon.Resolution;

namespace MsgRelay.Hocon;

/// <summary>An immutable configuration tree with typed getters by path (<c>a.b."c.d"</c>).
/// Parse with <see cref="ConfigFactory"/>, layer with <see cref="WithFallback"/>, then call
/// <see cref="Resolve"/> once before reading values.</summary>
public sealed partial class Config
{
    private readonly string[] _prefix;

    internal Config(HoconObject root, string[] prefix)
    {
        Root = root;
        _prefix = prefix;
    }

    /// <summary>The root object; after <see cref="Resolve"/> it holds only plain JSON values.</summary>
    public HoconObject Root { get; }

    /// <summary>True when the tree has no substitutions left.</summary>
    public bool IsResolved => Root.IsResolved;

    /// <summary>True when the root object has no fields.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>The path of this config inside the one it was taken from with
    /// <see cref="GetConfig(string)"/> (empty for a root config); used in error messages.</summary>
    public string PathPrefix => HoconPath.Render(_prefix);

    /// <summary>Resolves every substitution. Environment variables are a fallback unless
    /// <paramref name="options"/> turns them off.</summary>
    /// <exception cref="HoconException">A required substitution is missing or a cycle cannot be broken.</exception>
    public Config Resolve(ConfigResolveOptions? options = null)
    {
        if (IsResolved)
        {
            return this;
        }

        return new Config(Resolver.Resolve(Root, (options ?? ConfigResolveOptions.Default).Lookup), _prefix);
    }

    /// <summary>Layers this config over <paramref name="fallback"/>: this one wins, objects merge
    /// field by field (Akka/Lightbend semantics). Works before or after resolving; substitutions in
    /// either side see the merged tree when the result is resolved.</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        if (fallback.IsEmpty)
        {
            return this;
        }

        return new Config(HoconMerge.MergeObjects(fallback.Root, Root), _prefix);
    }

    /// <summary>True when the path exists and its value is not null.</summary>
    public bool HasPath(string path) => Find(path, out _) is { } value && value is not HoconNull;

    /// <summary>The raw value at the path, or null when it is missing.</summary>
    public HoconValue? GetValue(string path) => Find(path, out _);

    /// <summary>Where the value at the path was written, or null when the path is missing.</summary>
    public HoconOrigin? GetOrigin(string path) => Find(path, out _)?.Origin;

    /// <summary>The keys of the object at <paramref name="path"/> in file order (the root for an
    /// empty path), e.g. the user names under <c>msgrelay.auth.users</c>. Empty when missing.</summary>
    /// <exception cref="HoconException">The value at the path is not an object.</exception>
    public IReadOnlyList<string> GetChildKeys(string path = "")
    {
        return (path.Length == 0 ? Root : Find(path, out _)) switch
        {
            null or HoconNull => [],
            HoconObject obj => [.. obj.Keys],
            var other => throw WrongType(path, other, "an object"),
        };
    }

    /// <summary>Every leaf (non-object, non-null) value with its full path, depth first in file
    /// order. Lists are leaves.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Leaves(Root, []);

    private static IEnumerable<KeyValuePair<string, HoconValue>> Leaves(HoconObject obj, List<string> path)
    {
        foreach (var (key, value) in obj)
        {
            path.Add(key);
            if (value is HoconObject child)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else if (value is not HoconNull)
            {
                yield return new(HoconPath.Render(path), value);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private HoconValue? Find(string path, out string[] elements)
    {
        elements = path.Length == 0 ? [] : HoconPath.Parse(path, HoconOrigin.None("<path>"));
        HoconValue node = Root;
        foreach (var key in elements)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private string FullPath(string[] elements) => HoconPath.Render(_prefix.Concat(elements));

    /// <summary>Finds the value or throws naming the full path, at the nearest existing parent.</summary>
    private HoconValue Require(string path, out string fullPath)
    {
        var elements = HoconPath.Parse(path, HoconOrigin.None("<path>"));
        fullPath = FullPath(elements);
        HoconValue node = Root;
        foreach (var key in elements)
        {
            if (node is not HoconObject obj || !obj.TryGetValue(key, out var child))
            {
                throw new HoconException(node.Origin, $"{fullPath}: missing setting (no value at this path)");
            }

            node = child;
        }

        if (!node.IsResolved)
        {
            throw new HoconException(node.Origin, $"{fullPath}: not resolved yet (call Resolve() before reading values)");
        }

        return node;
    }

    private HoconException WrongType(string path, HoconValue value, string expected) =>
        WrongTypeAt(FullPath(HoconPath.Parse(path, value.Origin)), value, expected);

    private static HoconException WrongTypeAt(string fullPath, HoconValue value, string expected, string? detail = null) =>
        new(value.Origin, $"{fullPath}: expected {expected}, got {HoconValue.Describe(value)}{(detail is null ? "" : $" ({detail})")}");

    public override string ToString() => Render();
}
