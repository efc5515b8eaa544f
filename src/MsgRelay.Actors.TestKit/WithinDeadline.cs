namespace MsgRelay.Actors.TestKit;

/// <summary>
/// The deadline of the innermost WithinAsync block, flowing with the async call chain so that
/// every Expect inside it waits no longer than the time that remains.
/// </summary>
internal static class WithinDeadline
{
    private static readonly AsyncLocal<DateTime?> s_deadline = new();

    public static DateTime? Current
    {
        get => s_deadline.Value;
        set => s_deadline.Value = value;
    }

    /// <summary>The timeout to use: the requested one, cut to what remains of an enclosing Within.</summary>
    public static TimeSpan Bound(TimeSpan timeout)
    {
        if (Current is not { } deadline)
        {
            return timeout;
        }
        var remaining = deadline - DateTime.UtcNow;
        if (remaining < TimeSpan.Zero)
        {
            remaining = TimeSpan.Zero;
        }
        return remaining < timeout ? remaining : timeout;
    }
}
