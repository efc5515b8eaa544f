namespace MsgRelay.Actors;

/// <summary>
/// The mailbox: a lock-free MPSC queue of user messages, a lock-free stack of system messages,
/// and a status word that makes sure at most one thread-pool work item runs the actor at a time.
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
        var node = MailboxNode.Rent(message, sender);
        var previous = Interlocked.Exchange(ref _userTail, node);

        // The Exchange above is a full fence, so the new tail is visible before we read the status
        // word in TrySchedule. The link below may still sit in this CPU's store buffer when a turn
        // that is just ending looks at the queue; that turn therefore tests the tail, not the link
        // (HasUserMessages), and reschedules itself - otherwise neither side would schedule and the
        // message would wait for the next Tell (seen as 1-2 s delivery stalls under load).
        Volatile.Write(ref previous.Next, node);
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

    internal void TrySchedule()
    {
        var status = Volatile.Read(ref _status);
        while ((status & Scheduled) == 0)
        {
            var seen = Interlocked.CompareExchange(ref _status, status | Scheduled, status);
            if (seen == status)
            {
                // The global queue rather than this worker's local one: with local queues a
                // ping-ponging pair tended to stay on one worker while the other idled; in the
                // tell-throughput benchmark the global queue was both faster and steadier.
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
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
                TrySchedule();
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

    // Non-empty once a producer has swapped the tail, even before it has linked the node: a turn
    // that ends in that window runs again (and waits for the link in TryDequeue) rather than
    // losing the wake-up.
    private bool HasUserMessages => !ReferenceEquals(Volatile.Read(ref _userTail), _userHead);

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
        // Fetched once per turn: the turn runs on this thread until it returns.
        var pool = MailboxNode.LocalPool;
        while (CanProcessUserMessages && TryDequeue(pool, out var message, out var sender))
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

    private bool TryDequeue(MailboxNode.Pool pool, out object message, out IActorRef? sender)
    {
        if (_unstashed is { Count: > 0 } unstashed)
        {
            var first = unstashed.First!.Value;
            unstashed.RemoveFirst();
            (message, sender) = (first.Message, first.Sender);
            return true;
        }
        var next = Volatile.Read(ref _userHead.Next);
        if (next is null)
        {
            if (ReferenceEquals(Volatile.Read(ref _userTail), _userHead))
            {
                message = null!;
                sender = null;
                return false;
            }
            next = AwaitLink(_userHead);
        }
        message = next.Message!;
        sender = next.Sender;
        // The dequeued node becomes the new stub; clear it so it does not keep the message alive.
        // The old stub is unreachable now: its producer finished linking it before we saw Next.
        next.Message = null;
        next.Sender = null;
        var old = _userHead;
        _userHead = next;
        MailboxNode.Return(old, pool);
        return true;
    }

    /// <summary>
    /// A producer has swapped the tail but not yet linked its node: it is between two adjacent
    /// instructions of Tell, so wait here for the link. Ending the turn instead and rescheduling
    /// (as before) turned a producer preempted in that window into a loop of empty turns through
    /// the pool, burning a core for the length of its time slice.
    /// </summary>
    private static MailboxNode AwaitLink(MailboxNode head)
    {
        var spinner = default(SpinWait);
        MailboxNode? next;
        while ((next = Volatile.Read(ref head.Next)) is null)
        {
            // Never Sleep(1): the link is a store away; yielding lets a preempted producer finish.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        return next;
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
        var pool = MailboxNode.LocalPool;
        while (TryDequeue(pool, out var message, out var sender))
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
