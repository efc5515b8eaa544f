namespace MsgRelay.Hocon.Parsing;

/// <summary>Reads one file by its extension: .properties by Java Properties rules, anything
/// else (.conf, .json, no extension) as HOCON, which is a superset of JSON.</summary>
internal static class FileLoader
{
    public static HoconObject Load(string path, string[] prefix, IReadOnlyList<string> chain, ConfigParseOptions options, HoconOrigin? includedAt)
    {
        string full = Path.GetFullPath(path);
        if (chain.Contains(full, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.SkipWhile(f => f != full).Append(full).Select(Path.GetFileName));
            throw new HoconException(includedAt ?? HoconOrigin.None(path), $"include cycle: {cycle}");
        }

        if (chain.Count >= ParseContext.MaxIncludeDepth)
        {
            throw new HoconException(includedAt ?? HoconOrigin.None(path), $"includes nested deeper than {ParseContext.MaxIncludeDepth} levels");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(includedAt ?? HoconOrigin.None(path), $"cannot read {path}: {e.Message}", e);
        }

        if (path.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
        {
            return PropertiesParser.Parse(text, path);
        }

        var context = new ParseContext(path, Path.GetDirectoryName(path), prefix, [.. chain, full], options);
        return HoconParser.ParseDocument(text, context);
    }
}
