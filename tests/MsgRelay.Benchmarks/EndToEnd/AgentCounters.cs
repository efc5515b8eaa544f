namespace MsgRelay.Benchmarks.EndToEnd;

/// <summary>What the agent pool has seen, shared by all its agents.</summary>
internal sealed class AgentCounters
{
    private long delivered;
    private long loggedIn;
    private long failed;
    private long closed;
    private long maxLagMs;
    private long lateBlocks;

    public long DeliveredCount => Interlocked.Read(ref delivered);

    public long LoggedInCount => Interlocked.Read(ref loggedIn);

    public long FailedCount => Interlocked.Read(ref failed);

    public long ClosedCount => Interlocked.Read(ref closed);

    /// <summary>Longest time from the node accepting a message to its whole 511 block reaching an agent.</summary>
    public long MaxLagMs => Interlocked.Read(ref maxLagMs);

    /// <summary>Blocks that reached their agent more than a second after the node accepted the message.</summary>
    public long LateBlockCount => Interlocked.Read(ref lateBlocks);

    public void Delivered(long lagMs)
    {
        Interlocked.Increment(ref delivered);
        if (lagMs > 1000)
        {
            Interlocked.Increment(ref lateBlocks);
        }

        var seen = Interlocked.Read(ref maxLagMs);
        while (lagMs > seen)
        {
            var was = Interlocked.CompareExchange(ref maxLagMs, lagMs, seen);
            if (was == seen)
            {
                break;
            }

            seen = was;
        }
    }

    public void LoggedIn() => Interlocked.Increment(ref loggedIn);

    public void Failed() => Interlocked.Increment(ref failed);

    public void Closed() => Interlocked.Increment(ref closed);
}
