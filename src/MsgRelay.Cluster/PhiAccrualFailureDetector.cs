namespace MsgRelay.Cluster;

/// <summary>
/// The phi accrual failure detector (Hayashibara et al.; Akka's implementation of it). From the
/// history of heartbeat intervals it computes phi = -log10(probability that a heartbeat is still
/// to come); the monitored node is considered unavailable when phi reaches the threshold. The
/// acceptable pause is added to the mean, so that long a silence costs nothing.
/// </summary>
public sealed class PhiAccrualFailureDetector
{
    private readonly double _threshold;
    private readonly int _maxSampleSize;
    private readonly double _minStdDeviationMs;
    private readonly double _acceptablePauseMs;
    private readonly double _firstHeartbeatEstimateMs;
    private readonly TimeProvider _clock;
    private readonly Queue<double> _intervals = new();
    private double _sum;
    private double _squaredSum;
    private DateTimeOffset? _last;

    /// <summary>Creates a detector; <paramref name="clock"/> is the time source (a fake one in tests).</summary>
    public PhiAccrualFailureDetector(double threshold, int maxSampleSize, TimeSpan minStdDeviation, TimeSpan acceptableHeartbeatPause, TimeSpan firstHeartbeatEstimate, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSampleSize);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minStdDeviation, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(acceptableHeartbeatPause, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstHeartbeatEstimate, TimeSpan.Zero);
        _threshold = threshold;
        _maxSampleSize = maxSampleSize;
        _minStdDeviationMs = minStdDeviation.TotalMilliseconds;
        _acceptablePauseMs = acceptableHeartbeatPause.TotalMilliseconds;
        _firstHeartbeatEstimateMs = firstHeartbeatEstimate.TotalMilliseconds;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Whether any heartbeat arrived yet (before the first one the node counts as available).</summary>
    public bool IsMonitoring => _last is not null;

    /// <summary>Whether phi is below the threshold now.</summary>
    public bool IsAvailable => Phi() < _threshold;

    /// <summary>Records a heartbeat arrival now.</summary>
    public void HeartBeat()
    {
        var now = _clock.GetUtcNow();
        if (_last is not { } last)
        {
            // Seed the history with the estimate (and a deviation of a quarter of it), as Akka does,
            // so phi is meaningful before real samples exist.
            var deviation = _firstHeartbeatEstimateMs / 4;
            Add(_firstHeartbeatEstimateMs - deviation);
            Add(_firstHeartbeatEstimateMs + deviation);
        }
        else if (IsAvailable)
        {
            // The interval that ended an outage would skew the statistics; it is not recorded.
            Add((now - last).TotalMilliseconds);
        }
        _last = now;
    }

    /// <summary>The suspicion level now; 0 before the first heartbeat.</summary>
    public double Phi()
    {
        if (_last is not { } last)
        {
            return 0;
        }
        var elapsed = (_clock.GetUtcNow() - last).TotalMilliseconds;
        var mean = _sum / _intervals.Count;
        var variance = (_squaredSum / _intervals.Count) - (mean * mean);
        var deviation = Math.Max(Math.Sqrt(Math.Max(variance, 0)), _minStdDeviationMs);
        return Phi(elapsed, mean + _acceptablePauseMs, deviation);
    }

    /// <summary>Phi for <paramref name="elapsedMs"/> since the last heartbeat under a normal distribution (logistic approximation of its CDF).</summary>
    internal static double Phi(double elapsedMs, double meanMs, double deviationMs)
    {
        var y = (elapsedMs - meanMs) / deviationMs;
        var e = Math.Exp(-y * (1.5976 + (0.070566 * y * y)));
        return elapsedMs > meanMs ? -Math.Log10(e / (1.0 + e)) : -Math.Log10(1.0 - (1.0 / (1.0 + e)));
    }

    private void Add(double intervalMs)
    {
        if (_intervals.Count >= _maxSampleSize)
        {
            var dropped = _intervals.Dequeue();
            _sum -= dropped;
            _squaredSum -= dropped * dropped;
        }
        _intervals.Enqueue(intervalMs);
        _sum += intervalMs;
        _squaredSum += intervalMs * intervalMs;
    }
}
