namespace MsgRelay.Hocon.Parsing;

/// <summary>What a parser needs to know about the document it is reading: its name, where its
/// includes are looked up, where it sits in the whole configuration, and which files include it.</summary>
internal sealed record ParseContext(
    string Description,
    string? BaseDirectory,
    string[] IncludePrefix,
    IReadOnlyList<string> IncludeChain,
    ConfigParseOptions Options)
{
    /// <summary>The reference gives up after this many nested includes; we stop at a repeated
    /// file first, this is a backstop for includes that keep changing name.</summary>
    public const int MaxIncludeDepth = 50;
}
