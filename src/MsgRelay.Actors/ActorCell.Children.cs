namespace MsgRelay.Actors;

/// <summary>
/// Children by name. Mutated on the actor's turn (and by system.ActorOf for the guardians), read
/// by ActorSelection from any thread, so access goes through a lock on the dictionary.
/// </summary>
internal sealed partial class ActorCell
{
    private static long s_nextGeneratedName;

    public IEnumerable<IActorRef> Children => ChildrenSnapshot();

    public IActorRef ActorOf(Props props, string? name = null) => CreateChild(props, name);

    internal ActorCell CreateChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is null)
        {
            name = GeneratedName();
        }
        else
        {
            ValidateName(name);
        }
        var child = new ActorCell(_system, props, this, Path.Child(name));
        var children = EnsureChildren();
        // A child created while its parent stops must not outlive it.
        var parentStopping = IsClosed || (_state & CellState.Terminating) != 0;
        lock (children)
        {
            if (!children.TryAdd(name, new ChildRestartStats(child) { Terminating = parentStopping }))
            {
                throw new InvalidActorNameException($"Actor name [{name}] is not unique under {Path}");
            }
        }
        child.SendSystemMessage(new Create());
        if (parentStopping)
        {
            child.SendSystemMessage(new Terminate());
        }
        return child;
    }

    public IActorRef Child(string name) => (IActorRef?)GetChild(name) ?? ActorRefs.Nobody;

    public IInternalActorRef? GetChild(string name)
    {
        if (Path.Parent is null)
        {
            // The root's virtual children.
            switch (name)
            {
                case "temp":
                    return _system.TempContainer;
                case "deadLetters":
                    return _system.DeadLetterRef;
            }
        }
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return null;
        }
        lock (children)
        {
            return children.TryGetValue(name, out var stats) && !stats.Terminating ? stats.Child : null;
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is not IInternalActorRef target)
        {
            return;
        }
        if (FindChildStats(actor) is { } stats)
        {
            stats.Terminating = true;
        }
        target.SendSystemMessage(new Terminate());
    }

    internal ChildRestartStats? FindChildStats(IActorRef child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return null;
        }
        lock (children)
        {
            return children.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child) ? stats : null;
        }
    }

    internal List<ChildRestartStats> ChildStatsSnapshot()
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return [];
        }
        lock (children)
        {
            return [.. children.Values];
        }
    }

    private List<ActorCell> ChildrenSnapshot()
    {
        var result = new List<ActorCell>();
        foreach (var stats in ChildStatsSnapshot())
        {
            if (!stats.Terminating)
            {
                result.Add(stats.Child);
            }
        }
        return result;
    }

    private bool HasTerminatingChildren()
    {
        foreach (var stats in ChildStatsSnapshot())
        {
            if (stats.Terminating)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Asks every child to stop; returns false when there are none to wait for.</summary>
    private bool StopAllChildren()
    {
        var all = ChildStatsSnapshot();
        foreach (var stats in all)
        {
            stats.Terminating = true;
            stats.Child.SendSystemMessage(new Terminate());
        }
        return all.Count > 0;
    }

    private void HandleChildTerminated(IActorRef child)
    {
        var children = Volatile.Read(ref _children);
        if (children is null)
        {
            return;
        }
        int remaining;
        lock (children)
        {
            if (children.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child))
            {
                children.Remove(child.Path.Name);
            }
            remaining = children.Count;
        }
        if ((_state & CellState.Terminating) != 0)
        {
            if (remaining == 0 && !IsClosed)
            {
                FinishTerminate();
            }
        }
        else if ((_state & CellState.AwaitingRecreate) != 0 && !HasTerminatingChildren())
        {
            FinishRecreate();
        }
    }

    private Dictionary<string, ChildRestartStats> EnsureChildren()
    {
        var children = Volatile.Read(ref _children);
        if (children is not null)
        {
            return children;
        }
        var created = new Dictionary<string, ChildRestartStats>(StringComparer.Ordinal);
        return Interlocked.CompareExchange(ref _children, created, null) ?? created;
    }

    private static string GeneratedName()
    {
        var n = Interlocked.Increment(ref s_nextGeneratedName);
        // Akka-style "$a", "$b", ...: base-26 letters, short and never a valid user name.
        Span<char> buffer = stackalloc char[16];
        var pos = buffer.Length;
        do
        {
            buffer[--pos] = (char)('a' + (n % 26));
            n /= 26;
        }
        while (n > 0);
        buffer[--pos] = '$';
        return new string(buffer[pos..]);
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0 || name[0] == '$' || name.Contains('/', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new InvalidActorNameException($"Invalid actor name [{name}]: must be non-empty, not start with '$', and contain no '/' or whitespace");
        }
    }
}
