using System.Globalization;
using System.Text;

namespace MsgRelay.Hocon.Parsing;

/// <summary>Java <c>Properties.load</c> syntax: <c>key=value</c>, <c>key:value</c> or
/// <c>key value</c>; <c>#</c>/<c>!</c> comments; backslash escapes and line continuations.
/// Every value is a string; keys split on '.' (keeping empty elements); when a key is both a
/// leaf and a parent, the object wins.</summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string description)
    {
        var root = new HoconObject(new HoconOrigin(description, 1, 1));
        foreach (var (key, value, line) in LogicalEntries(text))
        {
            var origin = new HoconOrigin(description, line, 1);
            Insert(root, key.Split('.'), new HoconString(value, origin), origin);
        }

        return root;
    }

    private static void Insert(HoconObject root, string[] path, HoconString value, HoconOrigin origin)
    {
        var current = root;
        for (int i = 0; i < path.Length - 1; i++)
        {
            if (current.TryGetValue(path[i], out var existing) && existing is HoconObject child)
            {
                current = child;
                continue;
            }

            var created = new HoconObject(origin);
            current.Set(path[i], created);
            current = created;
        }

        if (!(current.TryGetValue(path[^1], out var old) && old is HoconObject))
        {
            current.Set(path[^1], value);
        }
    }

    private static IEnumerable<(string Key, string Value, int Line)> LogicalEntries(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int startLine = i + 1;
            string line = lines[i].TrimStart(' ', '\t', '\f');
            if (line.Length == 0 || line[0] == '#' || line[0] == '!')
            {
                continue;
            }

            var logical = new StringBuilder();
            while (EndsWithContinuation(line) && i + 1 < lines.Length)
            {
                logical.Append(line, 0, line.Length - 1);
                i++;
                line = lines[i].TrimStart(' ', '\t', '\f');
            }

            logical.Append(EndsWithContinuation(line) ? line[..^1] : line);
            var (key, value) = SplitEntry(logical.ToString());
            yield return (key, value, startLine);
        }
    }

    private static bool EndsWithContinuation(string line)
    {
        int backslashes = 0;
        for (int j = line.Length - 1; j >= 0 && line[j] == '\\'; j--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) SplitEntry(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            char c = line[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            i++;
        }

        string rawKey = line[..Math.Min(i, line.Length)];
        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
            while (i < line.Length && line[i] is ' ' or '\t' or '\f')
            {
                i++;
            }
        }

        return (Unescape(rawKey), Unescape(line[Math.Min(i, line.Length)..]));
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\', StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            char e = s[++i];
            switch (e)
            {
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 'f': sb.Append('\f'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        return sb.ToString();
    }
}
