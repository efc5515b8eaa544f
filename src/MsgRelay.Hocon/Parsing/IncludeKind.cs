namespace MsgRelay.Hocon.Parsing;

internal enum IncludeKind
{
    Heuristic,
    File,
    Url,
    Classpath,
}
