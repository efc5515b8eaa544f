using MsgRelay.Hocon;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors;

/// <summary>
/// A hierarchy of actors with its scheduler, event stream and dead letters. Top-level actors
/// live under <c>/user</c>; terminate the system to stop them all.
/// </summary>
public sealed partial class ActorSystem
{
    private readonly ActorCell _root;
    private readonly ActorCell _userGuardian;
    private readonly ActorCell _systemGuardian;
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<Type, object> _extensions = new();
    private int _terminateRequested;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        LoggerFactory = settings.LoggerFactory;
        Log = LoggerFactory.CreateLogger("MsgRelay.Actors");
        Scheduler = settings.Scheduler;
        EventStream = new EventStream();
        var rootPath = ActorPath.CreateRoot(name);
        DeadLetterRef = new DeadLetterActorRef(this, rootPath.Child("deadLetters"));
        var rootParent = new RootParent(this, rootPath.Child("bubble-walker"));
        _root = new ActorCell(this, Props.Create(() => new RootGuardianActor(_userGuardian!, _systemGuardian!)), rootParent, rootPath);
        TempContainer = new TempContainer(this, rootPath.Child("temp"), _root);
        var guardianProps = Props.Create(static () => new GuardianActor());
        _userGuardian = _root.CreateChild(guardianProps, "user");
        _systemGuardian = _root.CreateChild(guardianProps, "system");
        _root.SendSystemMessage(new Create());
    }

    /// <summary>The system's name, the host part of its actor paths.</summary>
    public string Name { get; }

    /// <summary>The settings the system was created with.</summary>
    public ActorSystemSettings Settings { get; }

    /// <summary>The logger factory actors log through.</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The scheduler for delayed and periodic messages.</summary>
    public IScheduler Scheduler { get; }

    /// <summary>System-wide publish/subscribe (dead letters, unhandled messages, your events).</summary>
    public EventStream EventStream { get; }

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters => DeadLetterRef;

    /// <summary>How many messages went to dead letters so far (for metrics).</summary>
    public long DeadLetterCount => DeadLetterRef.Count;

    /// <summary>Completes when the system has fully terminated.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ILogger Log { get; }

    internal DeadLetterActorRef DeadLetterRef { get; }

    internal TempContainer TempContainer { get; }

    internal ActorCell Root => _root;

    internal CoordinatedShutdown? CoordinatedShutdownIfCreated { get; set; }

    /// <summary>Creates a system with default settings.</summary>
    public static ActorSystem Create(string name) => Create(name, ActorSystemSettings.Default);

    /// <summary>
    /// Creates a system configured from HOCON (Akka's <c>ActorSystem.Create(name, config)</c>): the
    /// <c>msgrelay.actors</c> section of <paramref name="config"/> over this module's reference.conf.
    /// </summary>
    public static ActorSystem Create(string name, Config config, ILoggerFactory? loggerFactory = null)
    {
        var settings = ActorSystemSettings.FromConfig(config);
        return Create(name, loggerFactory is null ? settings : settings with { LoggerFactory = loggerFactory });
    }

    /// <summary>Creates a system; <paramref name="name"/> must be a valid path host (letters, digits, '-', '_').</summary>
    public static ActorSystem Create(string name, ActorSystemSettings settings)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(settings);
        if (!SystemName().IsMatch(name))
        {
            throw new ArgumentException($"Invalid actor system name [{name}]: use letters, digits, '-' and '_', starting with a letter or digit", nameof(name));
        }
        if (settings.Throughput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Throughput, "Throughput must be at least 1");
        }
        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under /user.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => _userGuardian.CreateChild(props, name);

    /// <summary>Selects actors by absolute path (e.g. <c>/user/echo</c>).</summary>
    public ActorSelection ActorSelection(string path) => Actors.ActorSelection.Parse(this, null, path);

    /// <summary>Stops an actor asynchronously.</summary>
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is ActorCell { Parent: ActorCell parent } cell)
        {
            // Route through the parent so it knows the name is being released.
            if (parent.FindChildStats(cell) is { } stats)
            {
                stats.Terminating = true;
            }
        }
        (actor as IInternalActorRef)?.SendSystemMessage(new Terminate());
    }

    /// <summary>
    /// Stops all actors (user actors first) and completes <see cref="WhenTerminated"/>. When
    /// <see cref="CoordinatedShutdown"/> is in use this runs it, with its phases, first.
    /// </summary>
    public Task Terminate()
    {
        if (CoordinatedShutdownIfCreated is { } shutdown)
        {
            _ = shutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
        }
        else
        {
            TerminateActors();
        }
        return WhenTerminated;
    }

    /// <inheritdoc />
    public override string ToString() => $"ActorSystem({Name})";

    /// <summary>Creates an actor under /system: infrastructure (remoting, cluster, TestKit) that must outlive /user actors.</summary>
    public IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardian.CreateChild(props, name);

    /// <summary>Resolves paths of other nodes; set once by remoting (<see cref="UseRemoteProvider"/>), null before.</summary>
    public IRemoteActorRefProvider? RemoteProvider { get; private set; }

    /// <summary>
    /// Installs remoting: from now on ActorSelection resolves <c>msgrelay://system@host:port/...</c>
    /// paths through <paramref name="provider"/>. Only one provider per system.
    /// </summary>
    public void UseRemoteProvider(IRemoteActorRefProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (RemoteProvider is not null)
        {
            throw new InvalidOperationException($"{this} already has a remote provider");
        }
        RemoteProvider = provider;
    }

    internal T GetOrAddExtension<T>(Func<ActorSystem, T> create) where T : class =>
        (T)_extensions.GetOrAdd(typeof(T), static (_, state) => state.create(state.system), (create, system: this));

    internal void TerminateActors()
    {
        if (Interlocked.Exchange(ref _terminateRequested, 1) == 0)
        {
            _userGuardian.SendSystemMessage(new Terminate());
        }
    }

    internal void OnRootTerminated()
    {
        RuntimeLog.SystemTerminated(Log, Name);
        _terminated.TrySetResult();
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex SystemName();
}
