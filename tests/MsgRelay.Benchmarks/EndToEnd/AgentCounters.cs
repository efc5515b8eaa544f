namespace MsgRelay.Benchmarks.EndToEnd;

/// <summary>What the agent pool has seen, shared by all its agents.</summary>
internal sealed class AgentCounters
{
    private long delivered;
    private long loggedIn;
    private long failed;
    private long closed;

    public long DeliveredCount => Interlocked.Read(ref delivered);

    public long LoggedInCount => Interlocked.Read(ref loggedIn);

    public long FailedCount => Interlocked.Read(ref failed);

    public long ClosedCount => Interlocked.Read(ref closed);

    public void Delivered() => Interlocked.Increment(ref delivered);

    public void LoggedIn() => Interlocked.Increment(ref loggedIn);

    public void Failed() => Interlocked.Increment(ref failed);

    public void Closed() => Interlocked.Increment(ref closed);
}
