namespace MsgRelay.Actors;

/// <summary>
/// Actors addressed by path: absolute (<c>/user/a</c> or <c>msgrelay://sys/user/a</c>) or relative to
/// an actor (<c>child</c>, <c>../sibling</c>). Elements may use <c>*</c> and <c>?</c> wildcards.
/// The path is resolved on every Tell, so it reaches whoever lives there at that moment.
/// </summary>
public sealed class ActorSelection
{
    private readonly ActorSystem _system;
    private readonly IInternalActorRef _anchor;
    private readonly string[] _elements;

    // Set when the path names an actor on another node: Tell goes straight to it (no wildcards remotely).
    private readonly IRemoteActorRef? _remote;

    private ActorSelection(ActorSystem system, IInternalActorRef anchor, string[] elements, string pathString, IRemoteActorRef? remote = null)
    {
        _system = system;
        _anchor = anchor;
        _elements = elements;
        PathString = pathString;
        _remote = remote;
    }

    /// <summary>The path as given.</summary>
    public string PathString { get; }

    /// <summary>Tells every actor currently matching the path; dead letters when none matches.</summary>
    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        sender ??= ActorCell.ImplicitSender;
        if (_remote is not null)
        {
            _remote.Tell(message, sender);
            return;
        }
        var any = false;
        foreach (var target in Resolve())
        {
            target.Tell(message, sender);
            any = true;
        }
        if (!any)
        {
            _system.DeadLetterRef.Deliver(message, sender, _system.DeadLetters);
        }
    }

    /// <summary>The single (first) actor at the path; throws <see cref="ActorNotFoundException"/> when none lives there.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout)
    {
        // Local lookup completes immediately; the timeout is kept for Akka's signature and for
        // remote resolution later.
        _ = timeout;
        if (_remote is not null)
        {
            // Existence is not checked across nodes: messages to a missing remote actor become dead letters there.
            return Task.FromResult<IActorRef>(_remote);
        }
        var found = Resolve().FirstOrDefault(r => !r.IsTerminated);
        return found is not null
            ? Task.FromResult<IActorRef>(found)
            : Task.FromException<IActorRef>(new ActorNotFoundException($"No actor found at [{PathString}]"));
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSelection[{PathString}]";

    internal static ActorSelection Parse(ActorSystem system, IInternalActorRef? relativeTo, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rest = path;
        IInternalActorRef anchor;
        var prefix = ActorPath.Scheme + "://";
        if (rest.StartsWith(prefix, StringComparison.Ordinal))
        {
            rest = rest[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var systemName = slash < 0 ? rest : rest[..slash];
            if (systemName.Contains('@', StringComparison.Ordinal) && system.RemoteProvider is { } provider)
            {
                if (provider.ResolveActorRef(path) is IRemoteActorRef remote)
                {
                    return new ActorSelection(system, system.Root, [], path, remote);
                }
                // Our own address: resolve the rest locally.
                systemName = systemName[..systemName.IndexOf('@', StringComparison.Ordinal)];
            }
            if (systemName != system.Name)
            {
                throw new ArgumentException($"Path [{path}] belongs to system [{systemName}], not [{system.Name}]", nameof(path));
            }
            rest = slash < 0 ? "" : rest[slash..];
            anchor = system.Root;
        }
        else if (rest.StartsWith('/'))
        {
            anchor = system.Root;
        }
        else
        {
            anchor = relativeTo ?? system.Root;
        }
        var elements = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return new ActorSelection(system, anchor, elements, path);
    }

    private List<IInternalActorRef> Resolve()
    {
        var current = new List<IInternalActorRef> { _anchor };
        foreach (var element in _elements)
        {
            var next = new List<IInternalActorRef>();
            foreach (var node in current)
            {
                if (element == "..")
                {
                    if (node.Parent is { } parent)
                    {
                        next.Add(parent);
                    }
                }
                else if (element == ".")
                {
                    next.Add(node);
                }
                else if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
                {
                    if (node is ActorCell cell)
                    {
                        next.AddRange(cell.Children.Cast<IInternalActorRef>().Where(c => Glob(element, c.Path.Name)));
                    }
                }
                else if (node.GetChild(element) is { } child)
                {
                    next.Add(child);
                }
            }
            current = next;
        }
        return current;
    }

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        if (pattern.IsEmpty)
        {
            return text.IsEmpty;
        }
        if (pattern[0] == '*')
        {
            for (var i = 0; i <= text.Length; i++)
            {
                if (Glob(pattern[1..], text[i..]))
                {
                    return true;
                }
            }
            return false;
        }
        return !text.IsEmpty && (pattern[0] == '?' || pattern[0] == text[0]) && Glob(pattern[1..], text[1..]);
    }
}
