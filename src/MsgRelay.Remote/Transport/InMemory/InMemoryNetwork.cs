using System.Collections.Concurrent;

namespace MsgRelay.Remote.Transport.InMemory;

/// <summary>
/// A process-local network for multi-node tests, with the fault-injection hook: traffic between
/// two nodes (or between one node and everyone) can be black-holed and restored, and a node can
/// "crash" (its listener disappears and its connections drop).
/// </summary>
public sealed class InMemoryNetwork
{
    private readonly ConcurrentDictionary<string, Func<ITransportConnection, Task>> _listeners = new();
    private readonly ConcurrentDictionary<InMemoryConnection, byte> _connections = new();
    private readonly Lock _gate = new();
    private HashSet<(string, string)> _blockedPairs = [];
    private HashSet<string> _isolated = [];
    private HashSet<string> _crashed = [];
    private long _framesDelivered;

    /// <summary>Frames handed to a receiving connection so far: lets a test see how chatty the nodes are.</summary>
    public long FramesDelivered => Interlocked.Read(ref _framesDelivered);

    /// <summary>A transport attached to this network.</summary>
    public InMemoryTransport CreateTransport(int maximumFrameSize = 256 * 1024) => new(this, maximumFrameSize);

    /// <summary>Drops every frame between <paramref name="a"/> and <paramref name="b"/> (both directions) and refuses new connections between them.</summary>
    public void Block(Address a, Address b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        lock (_gate)
        {
            _blockedPairs = [.. _blockedPairs, (a.HostPort, b.HostPort), (b.HostPort, a.HostPort)];
        }
    }

    /// <summary>Restores traffic between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Unblock(Address a, Address b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        lock (_gate)
        {
            var copy = new HashSet<(string, string)>(_blockedPairs);
            copy.Remove((a.HostPort, b.HostPort));
            copy.Remove((b.HostPort, a.HostPort));
            _blockedPairs = copy;
        }
    }

    /// <summary>Drops every frame to and from <paramref name="node"/>.</summary>
    public void Isolate(Address node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            _isolated = [.. _isolated, node.HostPort];
        }
    }

    /// <summary>
    /// Makes the connections open now between <paramref name="a"/> and <paramref name="b"/> swallow
    /// every frame while staying open; new connections work. A half-dead connection that only a
    /// reconnect cures.
    /// </summary>
    public void Stall(Address a, Address b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var connection in _connections.Keys.Where(c => (c.Local == a.HostPort && c.Remote == b.HostPort) || (c.Local == b.HostPort && c.Remote == a.HostPort)))
        {
            connection.Stalled = true;
        }
    }

    /// <summary>Open connections between <paramref name="a"/> and <paramref name="b"/>, whichever dialled, that carry frames (not stalled).</summary>
    public int WorkingConnections(Address a, Address b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Every connection between the two has exactly one end whose local side is a.
        return _connections.Keys.Count(c => c.Local == a.HostPort && c.Remote == b.HostPort && !c.Stalled && !c.PeerStalled);
    }

    /// <summary>Removes every block and isolation.</summary>
    public void HealAll()
    {
        lock (_gate)
        {
            _blockedPairs = [];
            _isolated = [];
        }
    }

    /// <summary>Abruptly removes <paramref name="node"/>: no listener, every connection of it closed.</summary>
    public void Crash(Address node)
    {
        ArgumentNullException.ThrowIfNull(node);
        lock (_gate)
        {
            _crashed = [.. _crashed, node.HostPort];
        }
        _listeners.TryRemove(node.HostPort, out _);
        foreach (var connection in _connections.Keys.Where(c => c.Local == node.HostPort || c.Remote == node.HostPort))
        {
            connection.Abort();
        }
    }

    internal bool IsBlocked(string from, string to)
    {
        var isolated = Volatile.Read(ref _isolated);
        var crashed = Volatile.Read(ref _crashed);
        return crashed.Contains(from) || crashed.Contains(to) || isolated.Contains(from) || isolated.Contains(to) || Volatile.Read(ref _blockedPairs).Contains((from, to));
    }

    internal void Listen(Address local, Func<ITransportConnection, Task> onAccepted)
    {
        lock (_gate)
        {
            // A node restarted on a crashed node's address is a new incarnation and reachable again.
            var copy = new HashSet<string>(_crashed);
            copy.Remove(local.HostPort);
            _crashed = copy;
        }
        if (!_listeners.TryAdd(local.HostPort, onAccepted))
        {
            throw new InvalidOperationException($"Address {local.HostPort} is already bound in this in-memory network");
        }
    }

    internal void StopListening(Address local) => _listeners.TryRemove(local.HostPort, out _);

    internal ITransportConnection Connect(string localHostPort, Address remote, int maximumFrameSize)
    {
        if (IsBlocked(localHostPort, remote.HostPort) || !_listeners.TryGetValue(remote.HostPort, out var accept))
        {
            throw new IOException($"Connection to {remote.HostPort} refused (in-memory network)");
        }
        var (client, server) = InMemoryConnection.CreatePair(this, localHostPort, remote.HostPort, maximumFrameSize);
        _connections.TryAdd(client, 0);
        _connections.TryAdd(server, 0);
        _ = accept(server);
        return client;
    }

    internal void CountDelivered() => Interlocked.Increment(ref _framesDelivered);

    internal void Forget(InMemoryConnection connection) => _connections.TryRemove(connection, out _);
}
