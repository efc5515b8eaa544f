using System.Text;

namespace MsgRelay.Hocon.Rendering;

/// <summary>Writes a resolved tree as JSON; numbers keep the text they were written with.</summary>
internal static class JsonRenderer
{
    public static string Render(HoconValue value, bool indented)
    {
        var sb = new StringBuilder();
        Write(sb, value, indented, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, bool indented, int depth)
    {
        switch (value)
        {
            case HoconObject obj:
                WriteContainer(sb, '{', '}', obj, obj.Count, indented, depth, (field, d) =>
                {
                    JsonText.AppendQuoted(sb, field.Key);
                    sb.Append(indented ? ": " : ":");
                    Write(sb, field.Value, indented, d);
                });
                break;
            case HoconArray array:
                WriteContainer(sb, '[', ']', array, array.Count, indented, depth, (item, d) => Write(sb, item, indented, d));
                break;
            case HoconString s:
                JsonText.AppendQuoted(sb, s.Value);
                break;
            case HoconNumber n:
                sb.Append(JsonText.Number(n));
                break;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case HoconNull:
                sb.Append("null");
                break;
            default:
                throw new HoconException(value.Origin, "cannot render an unresolved substitution as JSON (call Resolve() first)");
        }
    }

    private static void WriteContainer<T>(StringBuilder sb, char open, char close, IEnumerable<T> items, int count, bool indented, int depth, Action<T, int> writeItem)
    {
        sb.Append(open);
        if (count == 0)
        {
            sb.Append(close);
            return;
        }

        bool first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            if (indented)
            {
                sb.Append('\n').Append(' ', (depth + 1) * 2);
            }

            writeItem(item, depth + 1);
        }

        if (indented)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }

        sb.Append(close);
    }
}
