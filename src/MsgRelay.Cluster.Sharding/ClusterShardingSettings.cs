using MsgRelay.Hocon;

namespace MsgRelay.Cluster.Sharding;

/// <summary>The <c>msgrelay.cluster.sharding</c> section.</summary>
public sealed record ClusterShardingSettings
{
    /// <summary>Messages held while no owner is known; see reference.conf.</summary>
    public int BufferSize { get; init; } = 1000;

    /// <summary>The embedded defaults.</summary>
    public static Config Reference { get; } = ConfigFactory.FromEmbeddedReferences(typeof(ClusterShardingSettings).Assembly);

    /// <summary>Reads the section from a config with <see cref="Reference"/> as fallback.</summary>
    public static ClusterShardingSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var size = config.GetInt("msgrelay.cluster.sharding.buffer-size");
        if (size < 0)
        {
            throw new ArgumentException("msgrelay.cluster.sharding.buffer-size must not be negative");
        }
        return new ClusterShardingSettings { BufferSize = size };
    }
}
