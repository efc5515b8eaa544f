using System.Text;

namespace MsgRelay.Hocon.Rendering;

/// <summary>Writes a tree as readable HOCON (<c>key = value</c>, nested blocks), optionally with
/// a <c># file:line</c> comment above each field saying where it was set.</summary>
internal static class HoconRenderer
{
    public static string Render(HoconObject root, bool originComments)
    {
        var sb = new StringBuilder();
        WriteFields(sb, root, 0, originComments);
        return sb.ToString();
    }

    private static void WriteFields(StringBuilder sb, HoconObject obj, int depth, bool originComments)
    {
        foreach (var (key, value) in obj)
        {
            if (originComments && value.Origin.Line > 0)
            {
                sb.Append(' ', depth * 2).Append("# ").Append(value.Origin.FileAndLine).Append('\n');
            }

            sb.Append(' ', depth * 2).Append(HoconPath.RenderKey(key));
            if (value is HoconObject child)
            {
                sb.Append(" {\n");
                WriteFields(sb, child, depth + 1, originComments);
                sb.Append(' ', depth * 2).Append("}\n");
            }
            else
            {
                sb.Append(" = ");
                WriteValue(sb, value, depth, originComments);
                sb.Append('\n');
            }
        }
    }

    private static void WriteValue(StringBuilder sb, HoconValue value, int depth, bool originComments)
    {
        switch (value)
        {
            case HoconObject obj:
                sb.Append("{\n");
                WriteFields(sb, obj, depth + 1, originComments);
                sb.Append(' ', depth * 2).Append('}');
                break;
            case HoconArray array when array.Count == 0:
                sb.Append("[]");
                break;
            case HoconArray array when array.All(i => i is not (HoconObject or HoconArray)):
                sb.Append('[');
                for (int i = 0; i < array.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    WriteValue(sb, array[i], depth, originComments);
                }

                sb.Append(']');
                break;
            case HoconArray array:
                sb.Append("[\n");
                foreach (var item in array)
                {
                    sb.Append(' ', (depth + 1) * 2);
                    WriteValue(sb, item, depth + 1, originComments);
                    sb.Append('\n');
                }

                sb.Append(' ', depth * 2).Append(']');
                break;
            case HoconString s:
                JsonText.AppendQuoted(sb, s.Value);
                break;
            case HoconNumber n:
                sb.Append(n.Text);
                break;
            case HoconBoolean or HoconNull:
                sb.Append(value.ConcatenationText);
                break;
            case HoconDelayedMerge merge:
                // Before resolving, show the newest definition; the older ones are hidden by it or merge under it.
                WriteValue(sb, merge.Stack[0], depth, originComments);
                break;
            default:
                // Unresolved values render as written so `config show` works before resolving.
                sb.Append(value.ToString());
                break;
        }
    }
}
