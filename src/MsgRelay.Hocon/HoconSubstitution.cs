namespace MsgRelay.Hocon;

/// <summary>A <c>${path}</c> or <c>${?path}</c> waiting for <see cref="Config.Resolve"/>.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(string[] path, string[]? fallbackPath, bool optional, HoconOrigin origin)
        : base(origin)
    {
        Path = path;
        FallbackPath = fallbackPath;
        Optional = optional;
    }

    /// <summary>The path from the root, including the prefix of the include that brought it in.</summary>
    public string[] Path { get; }

    /// <summary>The path as written in an included file, tried when <see cref="Path"/> is not found;
    /// null outside includes.</summary>
    public string[]? FallbackPath { get; }

    public bool Optional { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    public override bool IsResolved => false;

    /// <summary>The path as the user wrote it, which is also the environment variable name.</summary>
    public string[] WrittenPath => FallbackPath ?? Path;

    public override string ToString() => (Optional ? "${?" : "${") + HoconPath.Render(WrittenPath) + "}";
}
