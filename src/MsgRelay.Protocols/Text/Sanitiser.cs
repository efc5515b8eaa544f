using System.Text;

namespace MsgRelay.Protocols.Text;

/// <summary>
/// Makes untrusted text safe to show on a terminal or to put into a protocol reply.
/// </summary>
/// <remarks>
/// Decision: for display, control codes are made <em>visible</em> in the <c>cat -v</c> notation
/// (<c>^G</c>, <c>^[</c>, <c>^?</c> for DEL, <c>M-^[</c> for C1 codes) rather than removed, so the
/// reader sees that the sender tried something and nothing can hide between two letters. For
/// protocol replies, where only a short explanation is wanted, they become <c>?</c>.
/// </remarks>
public static class Sanitiser
{
    /// <summary>
    /// One displayable line (a user name, a terminal, a host): every control code, CR, LF and TAB
    /// included, is made visible.
    /// </summary>
    public static string ForDisplayLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ControlCharacters.ContainsAny(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            AppendVisible(sb, c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// A message body for display: line breaks (CR LF or LF) become <c>\n</c> and TAB stays; every
    /// other control code is made visible, including a lone CR, which would otherwise return the
    /// cursor and let the rest of the line overwrite what was shown.
    /// </summary>
    public static string ForDisplayText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\t')
            {
                sb.Append(c);
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                // The LF that follows produces the line break.
            }
            else
            {
                AppendVisible(sb, c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Text for a protocol reply (the MSP <c>-reason</c>, an RWP response text): one line, every
    /// control code (NUL included) replaced by <c>?</c>, characters outside ISO 8859-1 too.
    /// </summary>
    public static string ForReply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var needs = false;
        foreach (var c in text)
        {
            if (ControlCharacters.IsControl(c) || c > 0xFF)
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = ControlCharacters.IsControl(c) || c > 0xFF ? '?' : c;
            }
        });
    }

    private static void AppendVisible(StringBuilder sb, char c)
    {
        if (c >= 0x80 && c <= 0x9F)
        {
            sb.Append("M-^").Append((char)(c - 0x80 + 0x40));
        }
        else if (c == 0x7F)
        {
            sb.Append("^?");
        }
        else if (c < 0x20)
        {
            sb.Append('^').Append((char)(c + 0x40));
        }
        else
        {
            sb.Append(c);
        }
    }
}
