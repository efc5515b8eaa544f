using System.Net;
using MsgRelay.Hocon;

namespace MsgRelay.Relay.Delivery;

/// <summary>The <c>msgrelay.delivery</c> section: how long deliveries wait and who may broadcast.</summary>
public sealed record DeliverySettings
{
    /// <summary>The HOCON path this record is read from.</summary>
    public const string Path = "msgrelay.delivery";

    /// <summary>A delivery counts only when the agent acknowledges it within this time.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Networks allowed to broadcast; empty means nobody.</summary>
    public IReadOnlyList<IPNetwork> BroadcastFrom { get; init; } = [];

    /// <summary>How long a repeated UDP datagram is recognised as a duplicate.</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the section from a resolved config that has the reference defaults as fallback.</summary>
    /// <exception cref="HoconException">A value is missing, of the wrong type or out of range; the message names the full key path.</exception>
    public static DeliverySettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var ackTimeout = config.GetTimeSpan(Path + ".ack-timeout");
        if (ackTimeout <= TimeSpan.Zero)
        {
            throw new HoconException($"{Path}.ack-timeout: must be positive, was {ackTimeout}");
        }

        var duplicateWindow = config.GetTimeSpan(Path + ".duplicate-window");
        if (duplicateWindow < TimeSpan.Zero)
        {
            throw new HoconException($"{Path}.duplicate-window: must not be negative, was {duplicateWindow}");
        }

        var networks = new List<IPNetwork>();
        var cidrs = config.GetStringList(Path + ".broadcast-from");
        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!IPNetwork.TryParse(cidrs[i], out var network))
            {
                throw new HoconException($"{Path}.broadcast-from[{i}]: \"{cidrs[i]}\" is not a network in CIDR form (e.g. 10.0.0.0/8)");
            }

            networks.Add(network);
        }

        return new DeliverySettings { AckTimeout = ackTimeout, BroadcastFrom = networks, DuplicateWindow = duplicateWindow };
    }

    /// <summary>
    /// Whether <paramref name="address"/> (an IP address in text form) lies in one of
    /// <see cref="BroadcastFrom"/>. Host names and unparsable text never match: a broadcast must come
    /// from an address the operator listed. IPv4-mapped IPv6 addresses (dual-stack sockets) count as IPv4.
    /// </summary>
    public bool MayBroadcast(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip))
        {
            return false;
        }

        var candidates = ip.IsIPv4MappedToIPv6 ? new[] { ip, ip.MapToIPv4() } : [ip];
        foreach (var network in BroadcastFrom)
        {
            foreach (var candidate in candidates)
            {
                if (candidate.AddressFamily == network.BaseAddress.AddressFamily && network.Contains(candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
