using System.Globalization;
using System.Text;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Node.Clients;

/// <summary>Shows a delivery the way write(1) does, with every name and line made safe for a terminal.</summary>
internal static class WriteFormat
{
    public static string Format(RwpAgentDelivery delivery, TimeZoneInfo zone)
    {
        var at = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(delivery.UnixMilliseconds), zone);
        var text = new StringBuilder();
        text.Append("Message from ")
            .Append(Sanitiser.ForDisplayLine(delivery.FromUser))
            .Append('@')
            .Append(Sanitiser.ForDisplayLine(delivery.FromHost));
        if (delivery.FromTty.Length > 0)
        {
            text.Append(" on ").Append(Sanitiser.ForDisplayLine(delivery.FromTty));
        }

        text.Append(" at ").Append(at.ToString("HH:mm", CultureInfo.InvariantCulture)).Append(" ...\n");
        var body = Sanitiser.ForDisplayText(delivery.Body);
        text.Append(body);
        if (body.Length > 0 && !body.EndsWith('\n'))
        {
            text.Append('\n');
        }

        text.Append("EOF\n");
        return text.ToString();
    }
}
