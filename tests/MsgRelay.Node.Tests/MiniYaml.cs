using System.Text.Json;

namespace MsgRelay.Node.Tests;

/// <summary>
/// Reads the block-style YAML subset our docker-compose.yml is written in - mappings by
/// indentation, `- item` lists, flow lists of JSON strings, quoted or plain scalars, comments - into
/// dictionaries, lists and strings. No YAML package restores here; a file outside the subset fails
/// loudly instead of being misread.
/// </summary>
internal static class MiniYaml
{
    public static Dictionary<string, object> Parse(string text)
    {
        var lines = text.Split('\n')
            .Select((raw, index) => (Raw: raw.TrimEnd('\r'), Number: index + 1))
            .Where(l => l.Raw.Trim().Length > 0 && !l.Raw.TrimStart().StartsWith('#'))
            .Select(l => new Line(l.Raw.Length - l.Raw.TrimStart().Length, l.Raw.Trim(), l.Number))
            .ToList();
        var position = 0;
        var result = ParseBlock(lines, ref position, 0);
        return result as Dictionary<string, object> ?? throw new FormatException("the document is not a mapping");
    }

    private static object ParseBlock(List<Line> lines, ref int position, int indent)
    {
        if (lines[position].Text.StartsWith("- ", StringComparison.Ordinal))
        {
            var list = new List<object>();
            while (position < lines.Count && lines[position].Indent == indent && lines[position].Text.StartsWith("- ", StringComparison.Ordinal))
            {
                var item = lines[position].Text[2..].Trim();
                if (item.Contains(": ", StringComparison.Ordinal) || item.EndsWith(':'))
                {
                    // "- key: value" starts a mapping inside the list, indented two past the dash.
                    lines[position] = new Line(indent + 2, item, lines[position].Number);
                    list.Add(ParseBlock(lines, ref position, indent + 2));
                }
                else
                {
                    list.Add(Scalar(item, lines[position].Number));
                    position++;
                }
            }

            return list;
        }

        var map = new Dictionary<string, object>(StringComparer.Ordinal);
        while (position < lines.Count && lines[position].Indent == indent)
        {
            var line = lines[position];
            var colon = line.Text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"line {line.Number}: expected `key: value`, got `{line.Text}`");
            }

            var key = Unquote(line.Text[..colon].Trim());
            var rest = line.Text[(colon + 1)..].Trim();
            position++;
            if (rest.Length > 0)
            {
                map[key] = Scalar(rest, line.Number);
            }
            else if (position < lines.Count && lines[position].Indent > indent)
            {
                map[key] = ParseBlock(lines, ref position, lines[position].Indent);
            }
            else
            {
                map[key] = string.Empty;
            }
        }

        if (position < lines.Count && lines[position].Indent > indent)
        {
            throw new FormatException($"line {lines[position].Number}: unexpected indentation");
        }

        return map;
    }

    private static object Scalar(string text, int number)
    {
        if (text.StartsWith('['))
        {
            return JsonSerializer.Deserialize<List<string>>(text)?.Cast<object>().ToList()
                ?? throw new FormatException($"line {number}: bad flow list");
        }

        if (text == "{}")
        {
            return new Dictionary<string, object>();
        }

        return Unquote(text);
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? JsonSerializer.Deserialize<string>(text)! : text;

    private sealed record Line(int Indent, string Text, int Number);
}
