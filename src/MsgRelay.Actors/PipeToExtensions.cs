namespace MsgRelay.Actors;

/// <summary>
/// Brings the outcome of work done outside an actor back to it as a message, instead of
/// touching actor state from a continuation.
/// </summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When the task finishes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or a <see cref="Status.Failure"/> (or <paramref name="failure"/>'s message).
    /// </summary>
    public static async Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = success is not null ? success(result) : (object?)result ?? new Status.Success(null);
        }
        catch (Exception e)
        {
            message = failure is not null ? failure(e) : new Status.Failure(e);
        }
        recipient.Tell(message, sender);
    }

    /// <summary>
    /// When the task finishes, tells <paramref name="recipient"/> <paramref name="success"/>'s message
    /// (default <c>Status.Success(null)</c>) or a <see cref="Status.Failure"/>.
    /// </summary>
    public static async Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            await task.ConfigureAwait(false);
            message = success is not null ? success() : new Status.Success(null);
        }
        catch (Exception e)
        {
            message = failure is not null ? failure(e) : new Status.Failure(e);
        }
        recipient.Tell(message, sender);
    }
}
