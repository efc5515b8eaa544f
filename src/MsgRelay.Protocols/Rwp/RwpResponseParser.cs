using System.Diagnostics.CodeAnalysis;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The client side of RWP responses, for the forwarder and the <c>msgrelay</c> client commands:
/// splits <c>NNN text</c> lines and recognises autoreply lines.
/// </summary>
public static class RwpResponseParser
{
    /// <summary>
    /// Parses a response line (without its line end) into code and text. The code is three
    /// digits followed by a space or the end of the line.
    /// </summary>
    public static bool TryParse(string line, out RwpReply reply)
    {
        ArgumentNullException.ThrowIfNull(line);
        reply = default;
        if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]))
        {
            return false;
        }

        if (line.Length > 3 && line[3] != ' ')
        {
            return false;
        }

        var code = ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
        reply = new RwpReply(code, line.Length > 4 ? line[4..] : string.Empty);
        return true;
    }

    /// <summary>
    /// True for the codes a client must take as autoreply lines: 300 (RFC 1756) and 555/556 (the
    /// reference implementation).
    /// </summary>
    public static bool IsAutoreplyCode(int code) => code is RwpReplies.AutoreplyCode or RwpReplies.ReferenceAutoreplyCode or 556;

    /// <summary>The decoded text of an autoreply line (<c>300 |text</c>), without the bar.</summary>
    public static bool TryGetAutoreplyText(RwpReply reply, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (!IsAutoreplyCode(reply.Code) || reply.Text is null)
        {
            return false;
        }

        // The bar is what the RFC writes; a peer that leaves it out still means text.
        var raw = reply.Text.StartsWith('|') ? reply.Text[1..] : reply.Text;
        text = RwpQuoting.Decode(raw);
        return true;
    }
}
