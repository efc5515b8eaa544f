namespace MsgRelay.Actors;

/// <summary>Stopping from outside an actor, and forwarding from inside one.</summary>
public static class StopExtensions
{
    /// <summary>
    /// Sends <paramref name="stopMessage"/> (default <see cref="PoisonPill"/>) and completes with
    /// true once the actor has stopped, or false if it has not within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalTarget)
        {
            throw new ArgumentException($"Cannot stop {target}: not a reference created by an actor system", nameof(target));
        }
        var promise = new PromiseActorRef(internalTarget.System.TempContainer);
        internalTarget.SendSystemMessage(new Watch(target, promise));
        target.Tell(stopMessage ?? PoisonPill.Instance, ActorRefs.NoSender);
        try
        {
            await promise.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            promise.Abandon();
            internalTarget.SendSystemMessage(new Unwatch(target, promise));
            return false;
        }
    }

    /// <summary>
    /// From inside an actor: sends <paramref name="message"/> to <paramref name="target"/> keeping the
    /// current message's sender (Akka's Forward). Outside an actor it behaves like Tell without sender.
    /// </summary>
    public static void Forward(this IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, ActorCell.ImplicitSender is ActorCell running ? running.Sender : ActorRefs.NoSender);
    }
}
