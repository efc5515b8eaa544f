using System.Text;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The <c>=XX</c> quoting RWP uses for message and autoreply lines (RFC 1756, like
/// quoted-printable): an octet may be written as <c>=</c> and two hex digits.
/// </summary>
/// <remarks>
/// <para>Encoding follows the reference <c>rwrite</c>: <c>=</c> becomes <c>=3D</c>, a line that is
/// a lone <c>.</c> becomes <c>=2E</c> (it would end DATA), control codes and 8-bit octets become
/// <c>=XX</c> with upper-case hex. Characters beyond ISO 8859-1 cannot be on the wire and are
/// encoded as <c>?</c>.</para>
/// <para>Decision, decoding is lenient: <c>=</c> followed by two hex digits (either case) is that
/// octet; an <c>=</c> that is not (<c>=</c> at the end, <c>=G1</c>, <c>=4</c>) stays as it is, so a
/// sender that forgot to quote an <c>=</c> loses nothing. Decoded text can hold any octet; showing
/// it safely is the <see cref="Sanitiser"/>'s job.</para>
/// </remarks>
public static class RwpQuoting
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Encodes one message line (no line break inside) for DATA or a delivery.</summary>
    public static string Encode(string line) => Encode(line, QuoteExtra.None);

    /// <summary>
    /// Encodes a line for a server response (<c>300 |</c>, <c>511 |</c>): as <see cref="Encode"/>,
    /// and also <c>&lt;</c> and <c>&gt;</c>, which RWP allows only in the 110 response.
    /// </summary>
    public static string EncodeForResponse(string line) => Encode(line, QuoteExtra.AngleBrackets);

    /// <summary>
    /// Encodes one word of a space-separated header (the <c>511 MSG</c> line): as
    /// <see cref="EncodeForResponse"/>, and also space, TAB and <c>@</c>; an empty word is <c>-</c>
    /// and a literal <c>-</c> is <c>=2D</c>.
    /// </summary>
    public static string EncodeWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word switch
        {
            "" => "-",
            "-" => "=2D",
            _ => Encode(word, QuoteExtra.AngleBrackets | QuoteExtra.Separators),
        };
    }

    /// <summary>Inverse of <see cref="EncodeWord"/>: <c>-</c> is the empty word.</summary>
    public static string DecodeWord(string word) => word == "-" ? string.Empty : Decode(word);

    /// <summary>Decodes <c>=XX</c> sequences; malformed ones are kept literally.</summary>
    public static string Decode(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var at = line.IndexOf('=', StringComparison.Ordinal);
        if (at < 0)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        sb.Append(line, 0, at);
        for (var i = at; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '=' && i + 2 < line.Length && TryHex(line[i + 1], out var high) && TryHex(line[i + 2], out var low))
            {
                sb.Append((char)((high << 4) | low));
                i += 2;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static string Encode(string line, QuoteExtra extra)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line == ".")
        {
            return "=2E";
        }

        var i = 0;
        while (i < line.Length && !NeedsQuoting(line[i], extra))
        {
            i++;
        }

        if (i == line.Length)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length + 8);
        sb.Append(line, 0, i);
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c > 0xFF)
            {
                c = '?';
            }

            if (NeedsQuoting(c, extra))
            {
                sb.Append('=').Append(Hex[c >> 4]).Append(Hex[c & 0xF]);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsQuoting(char c, QuoteExtra extra) =>
        c == '=' || c >= 0x7F || c < 0x20
        || ((extra & QuoteExtra.AngleBrackets) != 0 && c is '<' or '>')
        || ((extra & QuoteExtra.Separators) != 0 && c is ' ' or '@');

    private static bool TryHex(char c, out int value)
    {
        value = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'A' and <= 'F' => c - 'A' + 10,
            >= 'a' and <= 'f' => c - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }

    [Flags]
    private enum QuoteExtra
    {
        None = 0,
        AngleBrackets = 1,
        Separators = 2,
    }
}
