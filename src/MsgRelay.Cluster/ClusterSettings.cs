using MsgRelay.Hocon;

namespace MsgRelay.Cluster;

/// <summary>The <c>msgrelay.cluster</c> section (and <c>msgrelay.remote</c>), read once.</summary>
public sealed record ClusterSettings
{
    /// <summary>Advertised host.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Listen host; empty means <see cref="Host"/>.</summary>
    public string BindHost { get; init; } = "";

    /// <summary>Cluster port (0: any free port, TCP only).</summary>
    public int Port { get; init; } = 2552;

    /// <summary>Seed nodes as host:port.</summary>
    public IReadOnlyList<string> SeedNodes { get; init; } = [];

    /// <summary>See reference.conf.</summary>
    public TimeSpan SeedNodeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>See reference.conf.</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>See reference.conf.</summary>
    public TimeSpan LeaderActionsInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the tombstone of a removed incarnation is kept (so an old view cannot bring it back).</summary>
    public TimeSpan PruneGossipTombstonesAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>See reference.conf.</summary>
    public bool RunCoordinatedShutdownWhenDown { get; init; } = true;

    /// <summary>See reference.conf.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>See reference.conf.</summary>
    public double FailureDetectorThreshold { get; init; } = 8.0;

    /// <summary>See reference.conf.</summary>
    public TimeSpan AcceptableHeartbeatPause { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>See reference.conf.</summary>
    public TimeSpan MinStdDeviation { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>See reference.conf.</summary>
    public TimeSpan FirstHeartbeatEstimate { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>See reference.conf.</summary>
    public int MaxSampleSize { get; init; } = 1000;

    /// <summary>See reference.conf.</summary>
    public DowningStrategy DowningStrategy { get; init; } = DowningStrategy.KeepMajority;

    /// <summary>See reference.conf.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>See reference.conf.</summary>
    public int QuorumSize { get; init; }

    /// <summary>See reference.conf.</summary>
    public bool DownIfAlone { get; init; } = true;

    /// <summary>The embedded defaults of Remote and Cluster together.</summary>
    public static Config Reference { get; } = ConfigFactory.FromEmbeddedReferences(typeof(ClusterSettings).Assembly, typeof(Remote.RemoteSettings).Assembly);

    /// <summary>Reads <c>msgrelay.cluster</c>; <paramref name="config"/> needs <see cref="Reference"/> as fallback.</summary>
    public static ClusterSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("msgrelay.cluster");
        var fd = c.GetConfig("failure-detector");
        var downing = c.GetConfig("downing");
        var port = c.GetInt("port");
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException($"msgrelay.cluster.port must be 0..65535, got {port}");
        }
        var strategy = downing.GetString("strategy") switch
        {
            "keep-majority" => DowningStrategy.KeepMajority,
            "keep-oldest" => DowningStrategy.KeepOldest,
            "static-quorum" => DowningStrategy.StaticQuorum,
            "off" => DowningStrategy.Off,
            var other => throw new ArgumentException($"msgrelay.cluster.downing.strategy: unknown strategy [{other}] (keep-majority, keep-oldest, static-quorum, off)"),
        };
        var settings = new ClusterSettings
        {
            Host = c.GetString("host"),
            BindHost = c.GetString("bind-host"),
            Port = port,
            SeedNodes = c.GetStringList("seed-nodes"),
            SeedNodeTimeout = c.GetTimeSpan("seed-node-timeout"),
            GossipInterval = c.GetTimeSpan("gossip-interval"),
            LeaderActionsInterval = c.GetTimeSpan("leader-actions-interval"),
            PruneGossipTombstonesAfter = c.GetTimeSpan("prune-gossip-tombstones-after"),
            RunCoordinatedShutdownWhenDown = c.GetBoolean("run-coordinated-shutdown-when-down"),
            HeartbeatInterval = fd.GetTimeSpan("heartbeat-interval"),
            FailureDetectorThreshold = fd.GetDouble("threshold"),
            AcceptableHeartbeatPause = fd.GetTimeSpan("acceptable-heartbeat-pause"),
            MinStdDeviation = fd.GetTimeSpan("min-std-deviation"),
            FirstHeartbeatEstimate = fd.GetTimeSpan("first-heartbeat-estimate"),
            MaxSampleSize = fd.GetInt("max-sample-size"),
            DowningStrategy = strategy,
            StableAfter = downing.GetTimeSpan("stable-after"),
            QuorumSize = downing.GetInt("quorum-size"),
            DownIfAlone = downing.GetBoolean("down-if-alone"),
        };
        if (strategy == DowningStrategy.StaticQuorum && settings.QuorumSize < 1)
        {
            throw new ArgumentException("msgrelay.cluster.downing.quorum-size must be at least 1 with strategy static-quorum");
        }
        return settings;
    }
}
