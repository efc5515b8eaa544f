namespace MsgRelay.Actors;

/// <summary>Failing, and deciding about failed children.</summary>
internal sealed partial class ActorCell
{
    /// <summary>
    /// The actor threw: suspend it (user messages wait) and let the parent decide. The failing
    /// message is dropped, as in Akka.
    /// </summary>
    private void HandleInvokeFailure(Exception cause)
    {
        _pendingTask = null;
        if ((_state & CellState.Terminating) != 0)
        {
            RuntimeLog.FailedWhileStopping(_system.Log, cause, Path.ToString());
            return;
        }
        _state |= CellState.Failed;
        _parent.SendSystemMessage(new Failed(this, cause));
    }

    private void HandleFailed(Failed failed)
    {
        var stats = FindChildStats(failed.Child);
        if (stats is null || stats.Terminating)
        {
            return;
        }
        var strategy = _props.SupervisorStrategy ?? StrategyOfActor();
        if (!strategy.HandleFailure(this, stats, failed.Cause))
        {
            // Escalate: this actor fails with the child's exception and its own parent decides.
            HandleInvokeFailure(failed.Cause);
        }
    }

    private SupervisorStrategy StrategyOfActor()
    {
        if (_actor is null)
        {
            return SupervisorStrategy.DefaultStrategy;
        }
        try
        {
            return _actor.InvokeSupervisorStrategy();
        }
        catch (Exception e)
        {
            RuntimeLog.HookFailed(_system.Log, e, Path.ToString(), "SupervisorStrategy");
            return SupervisorStrategy.DefaultStrategy;
        }
    }
}
