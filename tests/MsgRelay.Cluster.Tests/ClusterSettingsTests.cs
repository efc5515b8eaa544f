using MsgRelay.Hocon;

namespace MsgRelay.Cluster.Tests;

public class ClusterSettingsTests
{
    [Fact]
    public void Reference_defaults_are_the_documented_ones()
    {
        var settings = ClusterSettings.FromConfig(ClusterSettings.Reference);
        Assert.Equal("127.0.0.1", settings.Host);
        Assert.Equal(2552, settings.Port);
        Assert.Empty(settings.SeedNodes);
        Assert.Equal(DowningStrategy.KeepMajority, settings.DowningStrategy);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.HeartbeatInterval);
        Assert.Equal(8.0, settings.FailureDetectorThreshold);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.StableAfter);
        Assert.Equal(TimeSpan.FromHours(24), settings.PruneGossipTombstonesAfter);
    }

    [Fact]
    public void Overrides_and_unknown_strategy_are_reported_with_the_key()
    {
        var config = ConfigFactory.ParseString("msgrelay.cluster { port = 2600, seed-nodes = [\"a:1\", \"b:2\"], downing.strategy = keep-oldest }").WithFallback(ClusterSettings.Reference);
        var settings = ClusterSettings.FromConfig(config);
        Assert.Equal(2600, settings.Port);
        Assert.Equal(["a:1", "b:2"], settings.SeedNodes);
        Assert.Equal(DowningStrategy.KeepOldest, settings.DowningStrategy);

        var bad = ConfigFactory.ParseString("msgrelay.cluster.downing.strategy = keep-everyone").WithFallback(ClusterSettings.Reference);
        var e = Assert.Throws<ArgumentException>(() => ClusterSettings.FromConfig(bad));
        Assert.Contains("msgrelay.cluster.downing.strategy", e.Message, StringComparison.Ordinal);
    }
}
