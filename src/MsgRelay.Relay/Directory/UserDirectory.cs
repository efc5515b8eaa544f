using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// The directory entity of one user (entity id = lower-cased name), reached through a <see cref="ShardRegion"/>:
/// knows the user's sessions on every node and applies delivery rules 1-4 of ARCHITECTURE.md. Each
/// Route becomes an open attempt in <see cref="PendingAttempts"/>: the chosen sessions answer the
/// entity and the entity answers the asker, so it never waits for an agent. Passivates itself when
/// it has had no session and no open attempt for a while.
/// </summary>
/// <remarks>
/// In a cluster the entity's state is soft: a new entity (first use, or its shard moved here) first
/// asks every node's session registry for the user's sessions, holding messages meanwhile, so a
/// handoff never answers "not logged in" for a user who is. MSP v2 datagrams are checked against a
/// per-recipient <see cref="DuplicateFilter"/>, so copies of one datagram that reached several nodes
/// are delivered once.
/// </remarks>
public sealed class UserDirectory : ReceiveActor, IWithStash, IWithTimers
{
    /// <summary>How long a new entity waits for the registries' answers; a node that does not answer in time is skipped.</summary>
    public static readonly TimeSpan RebuildTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How long an entity without sessions stays before it passivates; probes of unknown names cost nothing afterwards.</summary>
    public static readonly TimeSpan PassivateAfter = TimeSpan.FromMinutes(2);

    private readonly string _user;
    private readonly RelaySettings _settings;
    private readonly ILogger _log;
    private readonly Dictionary<IActorRef, SessionEntry> _sessions = [];
    private readonly Func<IReadOnlyList<IActorRef>>? _registries;
    private readonly DuplicateFilter _duplicates;
    private readonly PendingAttempts _pending;

    /// <summary>
    /// Creates the entity for <paramref name="entityId"/>; <paramref name="registries"/> names the
    /// session registries of every node to rebuild from (null: a single node, nothing to rebuild).
    /// </summary>
    public UserDirectory(string entityId, RelaySettings settings, Func<IReadOnlyList<IActorRef>>? registries = null)
    {
        _user = entityId;
        _settings = settings;
        _registries = registries;
        _duplicates = new DuplicateFilter(settings.Delivery.DuplicateWindow, 10_000);
        _pending = new PendingAttempts(settings.Delivery.AckTimeout, _duplicates.Complete);
        _log = Context.GetLogger();
        Become(registries is null ? Serving : Rebuilding);
    }

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private void Rebuilding()
    {
        Receive<SessionsRebuilt>(OnRebuilt);
        Receive<Terminated>(t => Remove(t.ActorRef));
        AttemptAnswers();
        ReceiveAny(_ => Stash.Stash());
    }

    private void OnRebuilt(SessionsRebuilt rebuilt)
    {
        foreach (var entry in rebuilt.Sessions)
        {
            if (!_sessions.ContainsKey(entry.Session) && !entry.Session.Equals(ActorRefs.Nobody))
            {
                _sessions[entry.Session] = entry;
                Context.Watch(entry.Session);
            }
        }

        UserDirectoryLog.Rebuilt(_log, _user, _sessions.Count);
        Become(Serving);
        Stash.UnstashAll();
        Context.SetReceiveTimeout(_sessions.Count == 0 ? PassivateAfter : null);
    }

    private void Serving()
    {
        Receive<RegisterSession>(OnRegister);
        Receive<UnregisterSession>(u => Remove(u.Session));
        Receive<UpdateSessionPreferences>(u => Update(u.Session, e => e with { Preferences = u.Preferences }));
        Receive<SessionActivity>(a => Update(a.Session, e => a.LastActivity > e.LastActivity ? e with { LastActivity = a.LastActivity } : e));
        Receive<Route>(OnRoute);
        Receive<VerifyRecipient>(OnVerify);
        Receive<GetUserSessions>(_ => Sender.Tell(new UserSessions(_user, [.. _sessions.Values])));
        Receive<Terminated>(t => Remove(t.ActorRef));
        Receive<ReceiveTimeout>(_ => OnIdle());
        Receive<SessionsRebuilt>(_ => { });
        AttemptAnswers();
    }

    // The sessions' answers to open attempts, in every state: an attempt never waits for a rebuild.
    private void AttemptAnswers()
    {
        Receive<Delivered>(d => _pending.Acknowledged(d.AttemptId));
        Receive<NotAcknowledged>(n => _pending.Declined(n.AttemptId, Sender));
        Receive<PendingAttempts.DeadlineTick>(_ => _pending.OnTick(Timers, Context.System.Scheduler.Now));
    }

    /// <summary>The entity id of a user name: names compare case-insensitively, so one entity serves every spelling.</summary>
    public static string EntityIdOf(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.ToLowerInvariant();
    }

    /// <summary>Props of the entity for <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, RelaySettings settings) => Actors.Props.Create(() => new UserDirectory(entityId, settings));

    /// <summary>Props of a clustered entity that rebuilds its sessions from <paramref name="registries"/> when it starts.</summary>
    public static Props Props(string entityId, RelaySettings settings, Func<IReadOnlyList<IActorRef>> registries) =>
        Actors.Props.Create(() => new UserDirectory(entityId, settings, registries));

    /// <inheritdoc />
    protected override void PreStart()
    {
        Context.SetReceiveTimeout(PassivateAfter);
        if (_registries is not null)
        {
            AskRegistries(_registries()).PipeTo(Self);
        }
    }

    private async Task<SessionsRebuilt> AskRegistries(IReadOnlyList<IActorRef> registries)
    {
        var answers = await Task.WhenAll(registries.Select(async r =>
        {
            try
            {
                return (await r.Ask<SessionsOf>(new GetSessionsOf(_user), RebuildTimeout).ConfigureAwait(false)).Sessions;
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                // An unreachable node has no sessions worth delivering to; downing removes it soon.
                return [];
            }
        })).ConfigureAwait(false);
        return new SessionsRebuilt([.. answers.SelectMany(a => a)]);
    }

    private void OnRegister(RegisterSession register)
    {
        var entry = register.Entry;
        if (_sessions.TryAdd(entry.Session, entry))
        {
            Context.Watch(entry.Session);
        }
        else
        {
            _sessions[entry.Session] = entry;
        }

        Context.SetReceiveTimeout(null);
        UserDirectoryLog.SessionRegistered(_log, _user, entry.Tty, entry.Node, _sessions.Count);
        Sender.Tell(new SessionRegistered(_user, entry.Tty));
    }

    private void Remove(IActorRef session)
    {
        _pending.SessionGone(session);
        if (_sessions.Remove(session, out var entry))
        {
            Context.Unwatch(session);
            UserDirectoryLog.SessionRemoved(_log, _user, entry.Tty, entry.Node, _sessions.Count);
            if (_sessions.Count == 0)
            {
                Context.SetReceiveTimeout(PassivateAfter);
            }
        }
    }

    private void Update(IActorRef session, Func<SessionEntry, SessionEntry> change)
    {
        if (_sessions.TryGetValue(session, out var entry))
        {
            _sessions[session] = change(entry);
        }
    }

    private SessionChoice Choose(Recipient to, Sender from) => SessionSelection.Choose([.. _sessions.Values], to, from);

    private DeliveryOutcome? Refusal(SessionChoice choice, string user) =>
        DeliveryDecision.WithoutDelivery(choice, user, _settings.Auth.HasUserList, _settings.Auth.IsListed(user));

    private void OnRoute(Route route)
    {
        var message = route.Message;
        string? duplicateKey = null;
        if (message.Protocol == IngressProtocol.Msp2Udp && message.Cookie is { } cookie)
        {
            duplicateKey = DuplicateFilter.KeyOf(message.SourceAddress ?? message.From.Host, message.From.User, message.From.Tty ?? string.Empty, cookie);
            var check = _duplicates.Check(duplicateKey, Context.System.Scheduler.Now);
            if (check.Status == DuplicateStatus.Pending)
            {
                // Another node routes a copy right now; the sender retries and is answered from that one.
                UserDirectoryLog.DuplicateDropped(_log, _user, cookie);
                return;
            }

            if (check.Status == DuplicateStatus.Answered)
            {
                UserDirectoryLog.DuplicateDropped(_log, _user, cookie);
                if (check.Outcome is { } earlier)
                {
                    Sender.Tell(earlier);
                }

                return;
            }
        }

        var choice = Choose(message.To, message.From);
        if (Refusal(choice, message.To.User) is { } refusal)
        {
            UserDirectoryLog.NotDelivered(_log, _user, refusal.Status, refusal.Reason);
            if (duplicateKey is not null)
            {
                _duplicates.Complete(duplicateKey, refusal);
            }

            Sender.Tell(refusal);
            return;
        }

        var sessions = new IActorRef[choice.Sessions.Count];
        for (var i = 0; i < sessions.Length; i++)
        {
            sessions[i] = choice.Sessions[i].Session;
        }

        _pending.Start(
            sessions,
            message,
            isBroadcast: false,
            Sender,
            message.To.User,
            DeliveryDecision.Autoreplies(choice.Sessions),
            duplicateKey,
            Self,
            Context.System.Scheduler.Now);
        _pending.ArmTimer(Timers, Context.System.Scheduler.Now);
    }

    private void OnVerify(VerifyRecipient verify)
    {
        var choice = Choose(verify.To, verify.From);
        Sender.Tell(Refusal(choice, verify.To.User) ?? DeliveryOutcome.Delivered(DeliveryDecision.Autoreplies(choice.Sessions)));
    }

    private void OnIdle()
    {
        if (_sessions.Count == 0 && _pending.Count == 0)
        {
            Context.SetReceiveTimeout(null);
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }

    private sealed record SessionsRebuilt(IReadOnlyList<SessionEntry> Sessions);
}
