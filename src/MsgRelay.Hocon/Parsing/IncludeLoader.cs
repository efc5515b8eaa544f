namespace MsgRelay.Hocon.Parsing;

/// <summary>Finds and parses included files. A quoted name is relative to the including file;
/// <c>file()</c> is relative to the working directory, as in the reference implementation and
/// HOCON.md ("at present"). A name without extension loads .properties, .json and .conf, in that
/// order, and merges whatever exists.</summary>
internal static class IncludeLoader
{
    private static readonly string[] Extensions = [".properties", ".json", ".conf"];

    public static HoconObject Load(IncludeKind kind, string name, bool required, ParseContext context, HoconOrigin at, string[] prefix)
    {
        if (kind == IncludeKind.Url || (kind == IncludeKind.Heuristic && LooksLikeUrl(name)))
        {
            throw new HoconException(at, $"include of a URL (\"{name}\") is not supported by MsgRelay; copy the file locally and include it by name");
        }

        if (kind == IncludeKind.Classpath)
        {
            throw new HoconException(at, $"include classpath(\"{name}\") is not supported (there is no JVM classpath); include a file instead");
        }

        if (name.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(name, UriKind.Absolute, out var uri))
        {
            name = uri.LocalPath;
        }

        string basePath = kind == IncludeKind.Heuristic && !Path.IsPathRooted(name) && context.BaseDirectory is { Length: > 0 } dir
            ? Path.Combine(dir, name)
            : name;
        string[] candidates = Path.GetExtension(name).Length == 0
            ? [.. Extensions.Select(e => basePath + e)]
            : [basePath];

        var result = new HoconObject(at);
        bool found = false;
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                continue;
            }

            found = true;
            var parsed = FileLoader.Load(candidate, prefix, context.IncludeChain, context.Options, at);
            result = HoconMerge.MergeObjects(result, parsed);
        }

        if (!found && required)
        {
            throw new HoconException(at, $"required include \"{name}\" not found (looked for {string.Join(", ", candidates)})");
        }

        return result;
    }

    private static bool LooksLikeUrl(string name) =>
        name.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
