using System.Text;

namespace MsgRelay.Hocon;

/// <summary>Path expressions (<c>a.b."c.d"</c>): splitting into keys and rendering back.</summary>
internal static class HoconPath
{
    /// <summary>Splits a path expression as written in a getter or an override.</summary>
    public static string[] Parse(string expression, HoconOrigin origin)
    {
        var pieces = new List<(string Text, bool Quoted)>();
        var unquoted = new StringBuilder();
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            if (c == '"')
            {
                if (unquoted.Length > 0)
                {
                    pieces.Add((unquoted.ToString(), false));
                    unquoted.Clear();
                }

                int end = i + 1;
                var quoted = new StringBuilder();
                while (end < expression.Length && expression[end] != '"')
                {
                    if (expression[end] == '\\' && end + 1 < expression.Length)
                    {
                        end++;
                    }

                    quoted.Append(expression[end]);
                    end++;
                }

                if (end >= expression.Length)
                {
                    throw new HoconException(origin, $"path '{expression}' has an unterminated quoted key");
                }

                pieces.Add((quoted.ToString(), true));
                i = end + 1;
            }
            else
            {
                unquoted.Append(c);
                i++;
            }
        }

        if (unquoted.Length > 0)
        {
            pieces.Add((unquoted.ToString(), false));
        }

        return FromPieces(pieces, expression, origin);
    }

    /// <summary>Builds a path from key pieces; dots split only unquoted pieces.</summary>
    public static string[] FromPieces(IReadOnlyList<(string Text, bool Quoted)> pieces, string display, HoconOrigin origin)
    {
        var elements = new List<string>();
        var current = new StringBuilder();
        bool hasContent = false;
        foreach (var (text, quoted) in pieces)
        {
            if (quoted)
            {
                current.Append(text);
                hasContent = true;
                continue;
            }

            foreach (char c in text)
            {
                if (c == '.')
                {
                    if (!hasContent)
                    {
                        throw new HoconException(origin, $"path '{display}' has an empty element (use quotes for an empty key: \"\")");
                    }

                    elements.Add(current.ToString());
                    current.Clear();
                    hasContent = false;
                }
                else
                {
                    current.Append(c);
                    hasContent = true;
                }
            }
        }

        if (!hasContent)
        {
            throw new HoconException(origin, elements.Count == 0
                ? "expected a path, got nothing"
                : $"path '{display}' ends with '.'");
        }

        elements.Add(current.ToString());
        return [.. elements];
    }

    public static string Render(IEnumerable<string> path) => string.Join('.', path.Select(RenderKey));

    public static string Join(IReadOnlyList<string> prefix, IReadOnlyList<string> path) =>
        Render(prefix.Concat(path));

    public static string RenderKey(string key)
    {
        if (key.Length > 0 && key != "include" && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
        {
            return key;
        }

        return Rendering.JsonText.Quote(key);
    }
}
