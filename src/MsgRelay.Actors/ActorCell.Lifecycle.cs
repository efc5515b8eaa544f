namespace MsgRelay.Actors;

/// <summary>Creation, restart and termination, in Akka's order of hooks.</summary>
internal sealed partial class ActorCell
{
    private void CreateActor()
    {
        _currentMessage = null;
        try
        {
            var actor = NewActor();
            _actor = actor;
            actor.InvokePreStart();
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException($"Exception during creation of {Path}", e) { Actor = this });
        }
    }

    private void FaultResume()
    {
        if (_actor is null)
        {
            // Nothing to resume when creation itself failed: start afresh instead.
            FaultRecreate(new ActorInitializationException($"Resumed {Path} before it was created"));
            return;
        }
        _state &= ~CellState.Failed;
    }

    private void FaultRecreate(Exception cause)
    {
        if ((_state & CellState.Terminating) != 0)
        {
            return;
        }
        if (_actor is { } failed)
        {
            failed.TimerScheduler?.CancelAll();
            CancelReceiveTimeout();
            // Akka keeps stashed messages across a restart by returning them to the mailbox.
            failed.ActorStash?.ReturnAllToMailbox();
            try
            {
                failed.InvokePreRestart(cause, _currentMessage);
            }
            catch (Exception e)
            {
                RuntimeLog.HookFailed(_system.Log, e, Path.ToString(), "PreRestart");
            }
            _actor = null;
            _behaviorStack = null;
        }
        _state = (_state & ~CellState.Failed) | CellState.AwaitingRecreate;
        _recreateCause = cause;
        if (!HasTerminatingChildren())
        {
            FinishRecreate();
        }
    }

    private void FinishRecreate()
    {
        var cause = _recreateCause!;
        _recreateCause = null;
        _state &= ~CellState.AwaitingRecreate;
        var survivors = ChildrenSnapshot();
        try
        {
            var actor = NewActor();
            _actor = actor;
            actor.InvokePostRestart(cause);
            RuntimeLog.ActorRestarted(_system.Log, Path.ToString(), cause.GetType().Name);
        }
        catch (Exception e)
        {
            _actor = null;
            HandleInvokeFailure(new ActorInitializationException($"Exception during re-creation of {Path}", e) { Actor = this });
            return;
        }
        foreach (var child in survivors)
        {
            child.SendSystemMessage(new Recreate(cause));
        }
    }

    private void BeginTerminate()
    {
        if ((_state & CellState.Terminating) != 0)
        {
            return;
        }
        _state |= CellState.Terminating;
        _pendingTask = null;
        CancelReceiveTimeout();
        _actor?.TimerScheduler?.CancelAll();
        if (!StopAllChildren())
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.InvokePostStop();
            }
            catch (Exception e)
            {
                RuntimeLog.HookFailed(_system.Log, e, Path.ToString(), "PostStop");
            }
            actor.ActorStash?.ReturnAllToMailbox();
        }
        _actor = null;
        _behaviorStack = null;
        Interlocked.Or(ref _status, Closed);
        DrainAfterClose();
        TellWatchersWeDied();
        _parent.SendSystemMessage(new ChildTerminated(this));
        _currentMessage = null;
        _currentSender = null;
    }
}
