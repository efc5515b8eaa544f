using System.Globalization;
using MsgRelay.Hocon;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Sites;

namespace MsgRelay.Relay.Routing;

/// <summary>Everything the relay core reads from HOCON: delivery, auth, shard count and this node's name.</summary>
public sealed record RelaySettings
{
    /// <summary>The <c>msgrelay.delivery</c> section.</summary>
    public DeliverySettings Delivery { get; init; } = new();

    /// <summary>The <c>msgrelay.auth</c> section.</summary>
    public AuthSettings Auth { get; init; } = new();

    /// <summary><c>msgrelay.cluster.number-of-shards</c>.</summary>
    public int NumberOfShards { get; init; } = 100;

    /// <summary><c>msgrelay.node.name</c>, or the machine's host name when that is empty.</summary>
    public string NodeName { get; init; } = Environment.MachineName;

    /// <summary>The <c>msgrelay.site</c> and <c>msgrelay.routing</c> sections.</summary>
    public SiteSettings Sites { get; init; } = new();

    /// <summary>The defaults of the embedded reference.conf.</summary>
    public static Config Reference { get; } = ConfigFactory.FromEmbeddedReferences(typeof(RelaySettings).Assembly).Resolve();

    /// <summary>
    /// Reads every relay section from <paramref name="config"/> (the node's whole configuration);
    /// keys it lacks fall back to the embedded reference.conf.
    /// </summary>
    /// <exception cref="HoconException">A bad value; the message names the full key path.</exception>
    public static RelaySettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var full = config.WithFallback(Reference).Resolve();
        var shards = full.GetInt("msgrelay.cluster.number-of-shards");
        if (shards < 1)
        {
            throw new HoconException(string.Create(CultureInfo.InvariantCulture, $"msgrelay.cluster.number-of-shards: must be at least 1, was {shards}"));
        }

        var name = full.GetString("msgrelay.node.name");
        var nodeName = name.Length > 0 ? name : Environment.MachineName;
        return new RelaySettings
        {
            Sites = SiteSettings.FromConfig(full, nodeName),
            Delivery = DeliverySettings.FromConfig(full),
            Auth = AuthSettings.FromConfig(full),
            NumberOfShards = shards,
            NodeName = nodeName,
        };
    }
}
