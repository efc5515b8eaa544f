using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Protobuf;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Remote.Serialization;
using MsgRelay.Remote.Testing;
using MsgRelay.Remote.Wire;

namespace MsgRelay.Remote;

/// <summary>
/// Remoting of one actor system (Akka's RemoteActorRefProvider and transport in one): it owns
/// the transport, one <see cref="Association"/> per peer, the serialization registry, and turns
/// path strings into local or remote references.
/// </summary>
public sealed class Remoting : IRemoteActorRefProvider, IAsyncDisposable
{
    /// <summary>Path of the remote death-watch actor on every node.</summary>
    public const string WatcherPath = "/system/remote-watcher";

    // Bounds the reference cache; a site's long-lived named actors are far fewer.
    private const int MaxCachedRefs = 10_000;

    private static readonly ConditionalWeakTable<ActorSystem, Remoting> s_instances = new();
    private readonly ConcurrentDictionary<Address, Association> _associations = new();
    private readonly ConcurrentDictionary<string, RemoteActorRef> _refs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly FaultInjection? _faults;
    private int _disposed;

    private Remoting(ActorSystem system, ITransport transport, RemoteSettings settings)
    {
        System = system;
        Transport = transport;
        Settings = settings;
        Log = system.LoggerFactory.CreateLogger("MsgRelay.Remote");
        Serialization = new MessageSerialization();
        Serialization.Register("remote.WatchRemote", WatchRemote.Parser);
        Serialization.Register("remote.UnwatchRemote", UnwatchRemote.Parser);
        Serialization.Register("remote.WatcheeTerminated", WatcheeTerminated.Parser);
        if (settings.FaultInjectionFile is { } faultFile)
        {
            _faults = FaultInjection.Start(faultFile, Log, _stopping.Token);
        }
    }

    /// <summary>The system this remoting serves.</summary>
    public ActorSystem System { get; }

    /// <summary>This node's address and incarnation uid.</summary>
    public UniqueAddress LocalAddress { get; private set; } = null!;

    /// <summary>Registry of the message types that may cross the wire.</summary>
    public MessageSerialization Serialization { get; }

    /// <summary>The settings in effect.</summary>
    public RemoteSettings Settings { get; }

    internal ITransport Transport { get; }

    internal ILogger Log { get; }

    internal IActorRef Watcher { get; private set; } = ActorRefs.Nobody;

    /// <summary>
    /// Starts remoting for <paramref name="system"/>: listens on <paramref name="address"/> (port 0
    /// picks a free port with TCP) and makes the system reachable as <c>msgrelay://name@host:port</c>.
    /// The transport is disposed when the system terminates.
    /// </summary>
    public static async Task<Remoting> StartAsync(ActorSystem system, string host, int port, ITransport transport, RemoteSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(settings);
        var remoting = new Remoting(system, transport, settings);
        if (!s_instances.TryAdd(system, remoting))
        {
            throw new InvalidOperationException($"Remoting is already started for {system}");
        }
        var bound = await transport.ListenAsync(new Address(system.Name, host, port), remoting.OnAccepted, cancellationToken).ConfigureAwait(false);
        remoting.LocalAddress = new UniqueAddress(bound, UniqueAddress.NewUid());
        remoting.Watcher = system.SystemActorOf(Props.Create(() => new RemoteWatcher(remoting)), WatcherPath["/system/".Length..]);
        system.UseRemoteProvider(remoting);
        _ = system.WhenTerminated.ContinueWith(_ => remoting.DisposeAsync().AsTask(), TaskScheduler.Default);
        RemoteLog.Started(remoting.Log, remoting.LocalAddress.ToString());
        return remoting;
    }

    /// <summary>The remoting of <paramref name="system"/>; throws when it was not started.</summary>
    public static Remoting Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_instances.TryGetValue(system, out var remoting)
            ? remoting
            : throw new InvalidOperationException($"Remoting was not started for {system}; call Remoting.StartAsync first");
    }

    /// <summary>
    /// The reference for a full path (<c>msgrelay://sys@host:port/user/x</c>): a local actor when the
    /// address is ours (dead letters when nobody lives there), otherwise a <see cref="RemoteActorRef"/>.
    /// This is how references carried in messages (as path strings) are turned back into references.
    /// </summary>
    public IActorRef ResolveActorRef(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        if (!Address.TryParse(fullPath, out var address, out var localPath))
        {
            throw new FormatException($"[{fullPath}] is not a full actor path (msgrelay://system@host:port/...)");
        }
        return address == LocalAddress.Address ? ResolveLocal(localPath) : RemoteRef(address, localPath);
    }

    /// <summary>
    /// A reference to <paramref name="localPath"/> (e.g. <c>/user/directory</c>) on <paramref name="address"/>:
    /// the same instance for the same named path. Anonymous and temporary actors (an element starting
    /// with <c>$</c>, as every Ask and per-request child has) get a new instance each time, since
    /// caching them would keep one entry per cross-node request forever; references compare by path
    /// either way.
    /// </summary>
    public RemoteActorRef RemoteRef(Address address, string localPath)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(localPath);
        if (localPath.Contains("/$", StringComparison.Ordinal))
        {
            return new RemoteActorRef(this, address, localPath);
        }
        var key = address + localPath;
        if (_refs.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var created = new RemoteActorRef(this, address, localPath);
        // Named actors too can be per connection; past the cap they are still correct, only not shared.
        return _refs.Count < MaxCachedRefs ? _refs.GetOrAdd(key, created) : created;
    }

    /// <summary>Named remote references kept for reuse (see <see cref="RemoteRef"/>).</summary>
    internal int CachedRefCount => _refs.Count;

    /// <summary>The full path of any reference, to put into a message; empty for no sender or dead letters.</summary>
    public string FullPathOf(IActorRef? actor) => actor switch
    {
        null => "",
        RemoteActorRef remote => remote.FullPath,
        _ when ReferenceEquals(actor, System.DeadLetters) || ReferenceEquals(actor, ActorRefs.Nobody) => "",
        _ when actor.Path.Host is not null => actor.Path.ToString(),
        _ => LocalAddress.Address + actor.Path.ToStringWithoutAddress(),
    };

    /// <summary>Called by the cluster when a node is gone for good: watchers of its actors get Terminated with AddressTerminated.</summary>
    public void AddressTerminated(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Watcher.Tell(new RemoteWatcher.AddressTerminated(address));
        // Nothing lives there any more: references to it need not be shared.
        var prefix = address + "/";
        foreach (var key in _refs.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)))
        {
            _refs.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Closes the connection to <paramref name="address"/>, so the next message dials afresh. The
    /// cluster calls it when a member stops answering heartbeats: a connection that accepts writes
    /// but delivers nothing (a peer that stopped reading it, a half-dead socket) is then replaced
    /// instead of silently swallowing every later message.
    /// </summary>
    public void ResetAssociation(Address address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_associations.TryGetValue(address, out var association))
        {
            association.Reset();
        }
    }

    /// <summary>Uid of the incarnation last seen at <paramref name="address"/>, 0 when never associated.</summary>
    public long RemoteUidOf(Address address) => _associations.TryGetValue(address, out var association) ? association.RemoteUid : 0;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Transport.DisposeAsync().ConfigureAwait(false);
    }

    internal void Send(RemoteActorRef recipient, object message, IActorRef? sender)
    {
        if (_stopping.IsCancellationRequested)
        {
            DeadLetter(recipient, message, sender);
            return;
        }
        if (_faults?.Drops(recipient.Address) == true)
        {
            // Lost on the (simulated) wire: the sender cannot know, so no dead letter either.
            return;
        }
        byte[] bytes;
        try
        {
            var (serializerId, manifest, payload) = Serialization.Serialize(message);
            var frame = new Frame
            {
                Envelope = new Envelope
                {
                    Recipient = recipient.LocalPath,
                    Sender = FullPathOf(sender),
                    SerializerId = serializerId,
                    Manifest = manifest,
                    Payload = payload,
                },
            };
            bytes = frame.ToByteArray();
        }
        catch (NotSupportedException e)
        {
            RemoteLog.SerializationFailed(Log, message.GetType().Name, recipient.FullPath, e.Message);
            DeadLetter(recipient, message, sender);
            return;
        }
        var association = _associations.GetOrAdd(recipient.Address, static (a, r) => new Association(r, a, r._stopping.Token), this);
        if (!association.TryEnqueue(new OutboundFrame(bytes, message.GetType().Name)))
        {
            RemoteLog.QueueFull(Log, recipient.Address.ToString(), Settings.SendQueueSize, message.GetType().Name);
            DeadLetter(recipient, message, sender);
        }
    }

    internal void Deliver(Envelope envelope, Address from)
    {
        if (_faults?.Drops(from) == true)
        {
            return;
        }
        object message;
        try
        {
            message = Serialization.Deserialize(envelope.SerializerId, envelope.Manifest, envelope.Payload);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidProtocolBufferException)
        {
            RemoteLog.InboundDropped(Log, from.ToString(), e.Message);
            return;
        }
        IActorRef? sender = null;
        if (envelope.Sender.Length > 0 && Address.TryParse(envelope.Sender, out _, out _))
        {
            sender = ResolveActorRef(envelope.Sender);
        }
        System.ActorSelection(envelope.Recipient).Tell(message, sender);
    }

    internal ReadOnlyMemory<byte> HandshakeFrame(Address to) => new Frame
    {
        Handshake = new Handshake { From = ToData(LocalAddress), To = ToData(to) },
    }.ToByteArray();

    internal static AddressData ToData(Address address) => new() { System = address.System, Host = address.Host, Port = address.Port };

    internal static UniqueAddressData ToData(UniqueAddress address) => new() { Address = ToData(address.Address), Uid = address.Uid };

    internal static Address FromData(AddressData data) => new(data.System, data.Host, data.Port);

    internal static UniqueAddress FromData(UniqueAddressData data) => new(FromData(data.Address), data.Uid);

    private IActorRef ResolveLocal(string localPath)
    {
        var found = System.ActorSelection(localPath).ResolveOne(TimeSpan.Zero);
        return found.IsCompletedSuccessfully ? found.Result : System.DeadLetters;
    }

    private void DeadLetter(IActorRef recipient, object message, IActorRef? sender) =>
        System.EventStream.Publish(new DeadLetter(message, sender ?? System.DeadLetters, recipient));

    private async Task OnAccepted(ITransportConnection connection)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(Settings.ConnectTimeout);
            var first = await connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
            if (first is null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }
            var frame = Frame.Parser.ParseFrom(first.Value.Span);
            if (frame.BodyCase != Frame.BodyOneofCase.Handshake || frame.Handshake.To?.System != System.Name)
            {
                RemoteLog.ConnectionRejected(Log, "first frame was not a handshake addressed to this system");
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }
            var from = FromData(frame.Handshake.From);
            await connection.SendAsync(HandshakeFrame(from.Address), timeout.Token).ConfigureAwait(false);
            var association = _associations.GetOrAdd(from.Address, static (a, r) => new Association(r, a, r._stopping.Token), this);
            if (!association.AdoptInbound(connection, from.Uid))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                return;
            }
            await association.ReadLoop(connection, handshakeDone: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidProtocolBufferException or InvalidDataException)
        {
            RemoteLog.ConnectionRejected(Log, e.Message);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
