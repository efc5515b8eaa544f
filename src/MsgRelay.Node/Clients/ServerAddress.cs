using System.Globalization;

namespace MsgRelay.Node.Clients;

/// <summary>A server as given on the command line: <c>host</c>, <c>host:port</c>, <c>[v6]:port</c>; port 18 by default.</summary>
internal sealed record ServerAddress(string Host, int Port)
{
    /// <summary>The port of MSP and RWP (RFC 1159, 1312, 1756).</summary>
    public const int DefaultPort = 18;

    public static bool TryParse(string? text, out ServerAddress address)
    {
        address = new ServerAddress("localhost", DefaultPort);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        text = text.Trim();
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0 && text.IndexOf(':', StringComparison.Ordinal) == colon)
            {
                host = text[..colon];
                port = text[(colon + 1)..];
            }
            else
            {
                // More than one colon and no brackets: a bare IPv6 address without a port.
                host = text;
            }
        }

        var number = DefaultPort;
        if (host.Length == 0 || (port is not null && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535)))
        {
            return false;
        }

        address = new ServerAddress(host, number);
        return true;
    }

    public override string ToString() => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
