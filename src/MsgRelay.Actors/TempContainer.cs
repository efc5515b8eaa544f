using System.Globalization;

using System.Collections.Concurrent;

namespace MsgRelay.Actors;

/// <summary>The virtual <c>/temp</c> node: short-lived Ask reply refs, registered while waiting.</summary>
internal sealed class TempContainer(ActorSystem system, ActorPath path, IInternalActorRef parent) : IInternalActorRef
{
    private readonly ConcurrentDictionary<string, IInternalActorRef> _children = new(StringComparer.Ordinal);
    private long _next;

    public ActorPath Path { get; } = path;

    public ActorSystem System { get; } = system;

    public IInternalActorRef? Parent { get; } = parent;

    public bool IsTerminated => false;

    public int Count => _children.Count;

    public ActorPath NextPath() => Path.Child("$" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture));

    public void Register(IInternalActorRef child) => _children[child.Path.Name] = child;

    public void Unregister(IInternalActorRef child) => _children.TryRemove(child.Path.Name, out _);

    public IInternalActorRef? GetChild(string name) => _children.TryGetValue(name, out var child) ? child : null;

    public void Tell(object message, IActorRef? sender = null) => System.DeadLetterRef.Deliver(message, sender, this);

    public void SendSystemMessage(SystemMessage message)
    {
    }
}
