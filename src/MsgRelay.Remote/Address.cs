using System.Globalization;

namespace MsgRelay.Remote;

/// <summary>
/// Where an actor system can be reached: <c>msgrelay://system@host:port</c> (Akka's Address).
/// Ordered by host then port, the order the cluster uses to pick its leader.
/// </summary>
public sealed record Address(string System, string Host, int Port) : IComparable<Address>
{
    /// <summary><c>host:port</c>, the form used in seed-node lists.</summary>
    public string HostPort => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public int CompareTo(Address? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byHost = string.CompareOrdinal(Host, other.Host);
        if (byHost != 0)
        {
            return byHost;
        }
        var byPort = Port.CompareTo(other.Port);
        return byPort != 0 ? byPort : string.CompareOrdinal(System, other.System);
    }

    /// <inheritdoc />
    public override string ToString() => $"msgrelay://{System}@{HostPort}";

    /// <summary>Parses <c>msgrelay://system@host:port</c>.</summary>
    public static Address Parse(string text)
    {
        if (!TryParse(text, out var address, out _))
        {
            throw new FormatException($"[{text}] is not an address of the form msgrelay://system@host:port");
        }
        return address;
    }

    /// <summary>Parses <c>msgrelay://system@host:port[/path]</c>; <paramref name="localPath"/> is the rest (<c>/</c> when absent).</summary>
    public static bool TryParse(string text, out Address address, out string localPath)
    {
        address = null!;
        localPath = "/";
        const string prefix = "msgrelay://";
        if (text is null || !text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.AsSpan(prefix.Length);
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        if (slash >= 0)
        {
            localPath = rest[slash..].ToString();
        }
        var at = authority.IndexOf('@');
        var colon = authority.LastIndexOf(':');
        if (at <= 0 || colon < at + 2 || !int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            return false;
        }
        address = new Address(authority[..at].ToString(), authority[(at + 1)..colon].ToString(), port);
        return true;
    }

    /// <summary>Parses a seed entry <c>host:port</c> for <paramref name="system"/>.</summary>
    public static Address FromHostPort(string system, string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new FormatException($"[{hostPort}] is not host:port");
        }
        return new Address(system, hostPort[..colon], port);
    }
}
