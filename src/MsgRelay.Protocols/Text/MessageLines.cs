namespace MsgRelay.Protocols.Text;

/// <summary>
/// Splits and joins message bodies. Inside MsgRelay a body's lines are separated by CR LF, the
/// MSP form (RFC 1312), whichever protocol brought it.
/// </summary>
public static class MessageLines
{
    /// <summary>The line separator of a body.</summary>
    public const string Separator = "\r\n";

    /// <summary>
    /// The lines of a body: CR LF and a lone LF both separate lines (senders differ); a lone CR stays
    /// in its line. One trailing line break does not make an extra empty line, so "Hi\r\n" is one line.
    /// </summary>
    public static IReadOnlyList<string> Split(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\n')
            {
                continue;
            }

            var end = i > start && body[i - 1] == '\r' ? i - 1 : i;
            lines.Add(body[start..end]);
            start = i + 1;
        }

        if (start < body.Length)
        {
            lines.Add(body[start..]);
        }

        return lines;
    }

    /// <summary>Joins lines with CR LF.</summary>
    public static string Join(IEnumerable<string> lines) => string.Join(Separator, lines);
}
