namespace MsgRelay.Actors;

/// <summary>Delivery of one user message, including the messages the runtime handles itself.</summary>
internal sealed partial class ActorCell
{
    private void Invoke(object message, IActorRef? sender)
    {
        _currentMessage = message;
        _currentSender = sender;
        try
        {
            switch (message)
            {
                case PoisonPill:
                    SendSystemMessage(new Terminate());
                    return;
                case Kill:
                    throw new ActorKilledException("Kill");
                case Identify identify:
                    Sender.Tell(new ActorIdentity(identify.MessageId, this), this);
                    return;
                case TimerMessage timer:
                    if (_actor!.TimerScheduler is { } timers && timers.Accept(timer))
                    {
                        _currentMessage = timer.Message;
                        ReceiveMessage(timer.Message);
                        AfterMessage(timer.Message);
                    }
                    return;
                case ReceiveTimeoutTick tick:
                    if (_receiveTimeout is { } state && state.Generation == tick.Generation)
                    {
                        _currentMessage = Actors.ReceiveTimeout.Instance;
                        ReceiveMessage(Actors.ReceiveTimeout.Instance);
                        ArmReceiveTimeout();
                    }
                    return;
                case TerminatedDelivery delivery:
                    // Exactly once, and not after Unwatch: the watch entry is consumed here.
                    if (_watching is not null && _watching.Remove(delivery.Terminated.ActorRef))
                    {
                        _currentMessage = delivery.Terminated;
                        ReceiveMessage(delivery.Terminated);
                    }
                    return;
                default:
                    ReceiveMessage(message);
                    AfterMessage(message);
                    return;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    private void AfterMessage(object message)
    {
        if (_receiveTimeout is not null && message is not INotInfluenceReceiveTimeout)
        {
            ArmReceiveTimeout();
        }
    }
}

/// <summary>A Terminated queued behind the user messages; delivered only if still watched.</summary>
internal sealed record TerminatedDelivery(Terminated Terminated) : INotInfluenceReceiveTimeout;
