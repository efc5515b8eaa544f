namespace MsgRelay.Cluster;

/// <summary>Which split-brain strategy decides what to down (msgrelay.cluster.downing.strategy).</summary>
public enum DowningStrategy
{
    /// <summary>No automatic downing: unreachable members stay until downed by hand.</summary>
    Off,

    /// <summary>The side with more members survives; on a tie, the side with the lowest address.</summary>
    KeepMajority,

    /// <summary>The side with the oldest member survives (alone, it downs itself if down-if-alone).</summary>
    KeepOldest,

    /// <summary>A side with at least quorum-size members survives; otherwise it downs itself.</summary>
    StaticQuorum,
}
