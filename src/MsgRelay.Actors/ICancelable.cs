namespace MsgRelay.Actors;

/// <summary>A handle to cancel scheduled work.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; work not yet run will not run. Idempotent.</summary>
    void Cancel();
}

/// <summary>A plain thread-safe cancellation flag with an optional callback.</summary>
public class Cancelable : ICancelable
{
    private readonly Action? _onCancel;
    private int _cancelled;

    /// <summary>Creates a flag; <paramref name="onCancel"/> runs once on the first Cancel.</summary>
    public Cancelable(Action? onCancel = null) => _onCancel = onCancel;

    /// <inheritdoc />
    public bool IsCancellationRequested => Volatile.Read(ref _cancelled) != 0;

    /// <inheritdoc />
    public void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelled, 1) == 0)
        {
            _onCancel?.Invoke();
        }
    }
}
