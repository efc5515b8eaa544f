namespace MsgRelay.Actors;

/// <summary>Receive timeout, scheduled through the system's IScheduler (so tests can drive it).</summary>
internal sealed partial class ActorCell
{
    public TimeSpan? ReceiveTimeout => _receiveTimeout?.Timeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is not { } value || value <= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan)
        {
            CancelReceiveTimeout();
            _receiveTimeout = null;
            return;
        }
        (_receiveTimeout ??= new ReceiveTimeoutState()).Timeout = value;
        ArmReceiveTimeout();
    }

    private void ArmReceiveTimeout()
    {
        var state = _receiveTimeout!;
        state.Pending?.Cancel();
        state.Generation++;
        state.Pending = _system.Scheduler.ScheduleTellOnce(state.Timeout, this, new ReceiveTimeoutTick(state.Generation), null);
    }

    private void CancelReceiveTimeout()
    {
        if (_receiveTimeout is { } state)
        {
            state.Pending?.Cancel();
            state.Pending = null;
            state.Generation++;
        }
    }

    private sealed class ReceiveTimeoutState
    {
        public TimeSpan Timeout;
        public ICancelable? Pending;
        public int Generation;
    }
}

/// <summary>Scheduled tick; stale ticks (older generation) are dropped.</summary>
internal sealed record ReceiveTimeoutTick(int Generation) : INotInfluenceReceiveTimeout;
