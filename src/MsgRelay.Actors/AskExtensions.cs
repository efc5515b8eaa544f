namespace MsgRelay.Actors;

/// <summary>Request/response with an actor from outside (or inside) the actor world.</summary>
public static class AskExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary sender and awaits its first reply.
    /// A <see cref="Status.Failure"/> reply throws its exception; no reply within
    /// <paramref name="timeout"/> throws <see cref="AskTimeoutException"/>. The temporary actor
    /// is removed either way.
    /// </summary>
    public static Task<T> Ask<T>(this IActorRef recipient, object message, TimeSpan timeout) =>
        recipient.Ask<T>(message, timeout, CancellationToken.None);

    /// <inheritdoc cref="Ask{T}(IActorRef, object, TimeSpan)"/>
    public static async Task<T> Ask<T>(this IActorRef recipient, object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        var system = recipient switch
        {
            IInternalActorRef target => target.System,
            IRemoteActorRef remote => remote.System,
            IInlineActorRef inline => inline.System,
            _ => throw new ArgumentException($"Cannot ask {recipient}: not a reference created by an actor system", nameof(recipient)),
        };
        var promise = new PromiseActorRef(system.TempContainer);
        recipient.Tell(message, promise);
        object reply;
        try
        {
            reply = await promise.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            promise.Abandon();
            throw new AskTimeoutException(
                $"Ask timed out on [{recipient.Path}] after [{timeout}] waiting for a {typeof(T).Name} reply to {message.GetType().Name}");
        }
        catch (OperationCanceledException)
        {
            promise.Abandon();
            throw;
        }
        return reply switch
        {
            Status.Failure failure => throw failure.Cause,
            T typed => typed,
            _ => throw new InvalidCastException(
                $"Ask on [{recipient.Path}] expected a {typeof(T).Name} reply but received {reply.GetType().Name}: {reply}"),
        };
    }

    /// <summary>Untyped Ask: returns whatever the reply is.</summary>
    public static Task<object> Ask(this IActorRef recipient, object message, TimeSpan timeout) =>
        recipient.Ask<object>(message, timeout, CancellationToken.None);
}
