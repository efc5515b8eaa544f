namespace MsgRelay.Hocon.Parsing;

internal sealed partial class HoconParser
{
    private static readonly string[] IncludeWrappers = ["required(", "file(", "url(", "classpath("];

    /// <summary>An unquoted <c>include</c> at the start of a key followed by a quoted name or one
    /// of the wrappers; anything else is an ordinary key that happens to start with "include".</summary>
    private bool IsIncludeStatement()
    {
        if (Current.Kind != TokenKind.Unquoted || Current.Text != "include")
        {
            return false;
        }

        int i = 1;
        while (Peek(i).Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            i++;
        }

        var next = Peek(i);
        return next.Kind == TokenKind.Quoted
            || (next.Kind == TokenKind.Unquoted && Array.Exists(IncludeWrappers, w => next.Text.StartsWith(w, StringComparison.Ordinal)));
    }

    private void ParseInclude(HoconObject obj, string[] path)
    {
        var at = Current;
        Advance();
        SkipWhitespaceAndNewlines();
        var opening = new System.Text.StringBuilder();
        while (Current.Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            if (Current.Kind == TokenKind.Unquoted)
            {
                opening.Append(Current.Text);
            }

            Advance();
        }

        if (Current.Kind != TokenKind.Quoted)
        {
            throw Error(Current, $"include expects a quoted file name, optionally inside file(), required(), got {Current.Describe()}");
        }

        string name = Current.Text;
        Advance();
        var closing = new System.Text.StringBuilder();
        while (Current.Kind is TokenKind.Unquoted or TokenKind.Whitespace)
        {
            if (Current.Kind == TokenKind.Unquoted)
            {
                closing.Append(Current.Text);
            }

            Advance();
        }

        string wrappers = opening.ToString();
        bool required = false;
        var kind = IncludeKind.Heuristic;
        int depth = 0;
        if (wrappers.StartsWith("required(", StringComparison.Ordinal))
        {
            required = true;
            wrappers = wrappers["required(".Length..];
            depth++;
        }

        foreach (var (prefix, k) in new[] { ("file(", IncludeKind.File), ("url(", IncludeKind.Url), ("classpath(", IncludeKind.Classpath) })
        {
            if (wrappers.StartsWith(prefix, StringComparison.Ordinal))
            {
                kind = k;
                wrappers = wrappers[prefix.Length..];
                depth++;
                break;
            }
        }

        if (wrappers.Length > 0 || closing.ToString() != new string(')', depth))
        {
            throw Error(at, $"malformed include: expected include \"name\", include file(\"name\") or include required(...), with balanced parentheses");
        }

        var included = IncludeLoader.Load(kind, name, required, _context, OriginOf(at), [.. _context.IncludePrefix, .. path]);
        foreach (var (key, value) in included)
        {
            MergeInto(obj, key, value);
        }
    }
}
