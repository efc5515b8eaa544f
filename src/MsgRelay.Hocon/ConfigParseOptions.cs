namespace MsgRelay.Hocon;

/// <summary>How text and files are parsed.</summary>
public sealed record ConfigParseOptions
{
    public static ConfigParseOptions Default { get; } = new();

    /// <summary>When true, <see cref="ConfigFactory.ParseFile"/> returns an empty config for a
    /// missing file instead of throwing.</summary>
    public bool AllowMissing { get; init; }

    /// <summary>Folder for heuristic includes (<c>include "x.conf"</c>) in parsed strings; files
    /// always use their own folder. Null means the working directory.</summary>
    public string? BaseDirectory { get; init; }
}
