using System.Globalization;
using MsgRelay.Hocon;

namespace MsgRelay.Relay.Sites;

/// <summary>An RWP server of another site that messages are forwarded to: <c>rwp://host:port</c>.</summary>
public sealed record NextHop(string Host, int Port)
{
    /// <summary>The RWP port the RFCs assign, used when a <c>via</c> address names none.</summary>
    public const int DefaultPort = 18;

    /// <summary>Parses <c>rwp://host[:port]</c> (IPv6 literals in brackets); <paramref name="key"/> names the setting in errors.</summary>
    /// <exception cref="HoconException">Not an rwp:// address.</exception>
    public static NextHop Parse(string text, string key)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || !string.Equals(uri.Scheme, "rwp", StringComparison.OrdinalIgnoreCase)
            || uri.Host.Length == 0
            || uri.AbsolutePath is not ("" or "/")
            || uri.Query.Length > 0
            || uri.UserInfo.Length > 0)
        {
            throw new HoconException($"{key}: \"{text}\" is not a next hop of the form rwp://host:port");
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port;
        if (port is < 1 or > 65535)
        {
            throw new HoconException(string.Create(CultureInfo.InvariantCulture, $"{key}: port {port} is out of range"));
        }

        // Uri keeps IPv6 brackets in Host; the socket wants the bare address.
        return new NextHop(uri.Host.Trim('[', ']'), port);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"rwp://[{Host}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"rwp://{Host}:{Port}");
}
