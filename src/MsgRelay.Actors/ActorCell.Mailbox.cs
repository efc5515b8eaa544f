namespace MsgRelay.Actors;

/// <summary>
/// The mailbox: a lock-free MPSC queue of user messages (ActorCell.UserQueue.cs), a lock-free
/// stack of system messages, and a status word that makes sure at most one thread-pool work item
/// runs the actor at a time.
/// </summary>
internal sealed partial class ActorCell : IThreadPoolWorkItem
{
    private const int Scheduled = 1;
    private const int Closed = 2;

    private bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        sender ??= t_running;
        if ((Volatile.Read(ref _status) & Closed) != 0)
        {
            _system.DeadLetterRef.Deliver(message, sender, this);
            return;
        }
        Enqueue(message, sender);
        TrySchedule();
    }

    public void SendSystemMessage(SystemMessage message)
    {
        var head = Volatile.Read(ref _systemHead);
        while (true)
        {
            message.Next = head;
            var seen = Interlocked.CompareExchange(ref _systemHead, message, head);
            if (ReferenceEquals(seen, head))
            {
                break;
            }
            head = seen;
        }
        TrySchedule();
    }

    internal void TrySchedule() => TrySchedule(preferLocal: !_props.DeferWakeUp);

    /// <summary>
    /// Queues a turn unless one is queued or running. A message or wake-up queues it on the current
    /// worker's local queue (when called on a pool thread) unless the actor's props defer wake-ups:
    /// the actor then usually runs on the core that just wrote its message, and the segment its
    /// queue needs comes from the pool of the worker that dropped one last. A turn that ends with
    /// work left queues the next one globally (<paramref name="preferLocal"/> false): the worker's
    /// local queue is last-in first-out, so a busy actor requeued there would run again at once,
    /// ahead of the actors woken before it.
    /// </summary>
    private void TrySchedule(bool preferLocal)
    {
        var status = Volatile.Read(ref _status);
        while ((status & Scheduled) == 0)
        {
            var seen = Interlocked.CompareExchange(ref _status, status | Scheduled, status);
            if (seen == status)
            {
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal);
                return;
            }
            status = seen;
        }
    }

    /// <summary>One turn of the actor on a thread-pool thread.</summary>
    public void Execute()
    {
        var previousRunning = t_running;
        t_running = this;
        try
        {
            if (IsClosed)
            {
                DrainAfterClose();
                return;
            }
            if (_pendingTask is { } task)
            {
                if (!task.IsCompleted)
                {
                    ProcessSystemMessagesWhileAwaiting();
                    return;
                }
                _pendingTask = null;
                if (task.Exception is { } error)
                {
                    HandleInvokeFailure(error.InnerExceptions.Count == 1 ? error.InnerExceptions[0] : error);
                }
                else if (task.IsCanceled)
                {
                    HandleInvokeFailure(new TaskCanceledException(task));
                }
            }
            ProcessDeferredSystemMessages();
            ProcessSystemMessages();
            ProcessUserMessages();
            if (IsClosed)
            {
                DrainAfterClose();
            }
        }
        finally
        {
            t_running = previousRunning;
            Interlocked.And(ref _status, ~Scheduled);
            if (HasWork())
            {
                TrySchedule(preferLocal: false);
            }
        }
    }

    private bool HasWork()
    {
        if (IsClosed)
        {
            return Volatile.Read(ref _systemHead) is not null || HasUserMessages;
        }
        if (_pendingTask is { } task)
        {
            return task.IsCompleted || Volatile.Read(ref _systemHead) is not null;
        }
        return Volatile.Read(ref _systemHead) is not null
            || (CanProcessUserMessages && (HasUserMessages || _unstashed is { Count: > 0 }));
    }

    private bool CanProcessUserMessages => _state == CellState.None && _pendingTask is null && _actor is not null;

    private void ProcessSystemMessages()
    {
        while (Volatile.Read(ref _systemHead) is not null)
        {
            // The stack holds newest first; reverse it to process in arrival order.
            var ordered = Reverse(Interlocked.Exchange(ref _systemHead, null));
            while (ordered is not null)
            {
                var next = ordered.Next;
                ordered.Next = null;
                if (IsClosed)
                {
                    HandleSystemMessageWhenClosed(ordered);
                }
                else
                {
                    HandleSystemMessage(ordered);
                }
                ordered = next;
            }
        }
    }

    /// <summary>
    /// An async handler is running: messages that would run the actor's code (create, restart,
    /// resume) wait for it, but stopping does not, so an async handler that never finishes cannot
    /// block its own or the system's termination.
    /// </summary>
    private void ProcessSystemMessagesWhileAwaiting()
    {
        var list = Interlocked.Exchange(ref _systemHead, null);
        var ordered = Reverse(list);
        while (ordered is not null)
        {
            var next = ordered.Next;
            ordered.Next = null;
            if (ordered is Create or Recreate or Resume)
            {
                (_deferredSystemMessages ??= []).Add(ordered);
            }
            else
            {
                HandleSystemMessage(ordered);
            }
            ordered = next;
        }
    }

    private void ProcessDeferredSystemMessages()
    {
        if (_deferredSystemMessages is not { } deferred)
        {
            return;
        }
        _deferredSystemMessages = null;
        foreach (var message in deferred)
        {
            HandleSystemMessage(message);
        }
    }

    private static SystemMessage? Reverse(SystemMessage? list)
    {
        SystemMessage? ordered = null;
        while (list is not null)
        {
            var next = list.Next;
            list.Next = ordered;
            ordered = list;
            list = next;
        }
        return ordered;
    }

    private void ProcessUserMessages()
    {
        var left = _system.Settings.Throughput;
        while (CanProcessUserMessages && TryDequeue(out var message, out var sender))
        {
            Invoke(message, sender);
            if (Volatile.Read(ref _systemHead) is not null)
            {
                ProcessSystemMessages();
            }
            if (--left <= 0)
            {
                break;
            }
        }
    }

    private void HandleSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Create:
                CreateActor();
                break;
            case Terminate:
                BeginTerminate();
                break;
            case Recreate recreate:
                FaultRecreate(recreate.Cause);
                break;
            case Resume:
                FaultResume();
                break;
            case Failed failed:
                HandleFailed(failed);
                break;
            case Watch watch:
                AddWatcher(watch.Watcher);
                break;
            case Unwatch unwatch:
                RemoveWatcher(unwatch.Watcher);
                break;
            case DeathWatchNotification notification:
                WatchedActorTerminated(notification);
                break;
            case ChildTerminated childTerminated:
                HandleChildTerminated(childTerminated.Child);
                break;
        }
    }

    private void HandleSystemMessageWhenClosed(SystemMessage message)
    {
        if (message is Watch { Watcher: IInternalActorRef watcher } && !ReferenceEquals(watcher, this))
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, ExistenceConfirmed: true));
        }
    }

    private void DrainAfterClose()
    {
        ProcessSystemMessages();
        while (TryDequeue(out var message, out var sender))
        {
            _system.DeadLetterRef.Deliver(message, sender, this);
        }
    }

    /// <summary>Puts messages back at the front of the mailbox, keeping their order (unstash).</summary>
    internal void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0)
        {
            return;
        }
        _unstashed ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--)
        {
            _unstashed.AddFirst(envelopes[i]);
        }
    }
}
