using System.Globalization;
using System.Text;

namespace MsgRelay.Hocon.Rendering;

/// <summary>JSON string quoting and number text shared by the JSON and HOCON renderers.</summary>
internal static class JsonText
{
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>The number as written when that is valid JSON, otherwise a normalised form.</summary>
    public static string Number(HoconNumber number)
    {
        var t = number.Text;
        bool leadingZero = t.StartsWith('0') && t.Length > 1 && char.IsAsciiDigit(t[1])
            || t.StartsWith("-0", StringComparison.Ordinal) && t.Length > 2 && char.IsAsciiDigit(t[2]);
        if (!leadingZero)
        {
            return t;
        }

        return number.IsInteger
            ? number.ToInt64().ToString(CultureInfo.InvariantCulture)
            : number.ToDouble().ToString("R", CultureInfo.InvariantCulture);
    }
}
