using System.Globalization;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The agent's side of a <c>511</c> delivery block (the inverse of
/// <see cref="RwpResponseWriter.WriteAgentDelivery"/>): feed every response line; a delivery comes
/// out at its <c>511 .</c>.
/// </summary>
/// <remarks>
/// Other 511 lines (RWP allows information lines at any time) outside a block are ignored. A
/// malformed header is ignored with its block, since the id needed to acknowledge it is unknown.
/// </remarks>
public sealed class RwpAgentDeliveryReader
{
    private const int MaxBodyLines = 1000;

    private readonly List<string> _body = [];
    private RwpAgentDelivery? _header;

    /// <summary>True between a <c>511 MSG</c> header and its <c>511 .</c>.</summary>
    public bool InBlock => _header is not null;

    /// <summary>Takes one response; returns the delivery when this line completed one.</summary>
    public RwpAgentDelivery? Add(RwpReply reply)
    {
        if (reply.Code != RwpReplies.InformationCode || reply.Text is null)
        {
            return null;
        }

        if (_header is null)
        {
            _header = TryParseHeader(reply.Text);
            _body.Clear();
            return null;
        }

        if (reply.Text == ".")
        {
            var delivery = _header with { Body = MessageLines.Join(_body) };
            _header = null;
            _body.Clear();
            return delivery;
        }

        if (reply.Text.StartsWith('|') && _body.Count < MaxBodyLines)
        {
            _body.Add(RwpQuoting.Decode(reply.Text[1..]));
        }

        return null;
    }

    /// <summary>Parses <c>MSG id user@host tty hops unix-ms</c>; null when it is not one.</summary>
    public static RwpAgentDelivery? TryParseHeader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ');
        if (words.Length != 6 || words[0] != "MSG")
        {
            return null;
        }

        var at = words[2].IndexOf('@', StringComparison.Ordinal);
        if (at < 0
            || !int.TryParse(words[4], NumberStyles.None, CultureInfo.InvariantCulture, out var hops)
            || !long.TryParse(words[5], NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return null;
        }

        return new RwpAgentDelivery(
            RwpQuoting.DecodeWord(words[1]),
            RwpQuoting.DecodeWord(words[2][..at]),
            RwpQuoting.DecodeWord(words[2][(at + 1)..]),
            RwpQuoting.DecodeWord(words[3]),
            hops,
            unixMs,
            string.Empty);
    }
}
