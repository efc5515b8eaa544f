namespace MsgRelay.Hocon;

/// <summary>One finding of <see cref="ConfigValidation"/>: the full path, where the offending
/// value was written, and a message reading <c>file:line: path: what is wrong</c>.</summary>
public sealed record ConfigProblem(ConfigProblemKind Kind, string Path, HoconOrigin Origin, string Message)
{
    public override string ToString() => Message;
}
