using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// The directory entity of one user (entity id = lower-cased name), reached through a <see cref="ShardRegion"/>:
/// knows the user's sessions on every node and applies delivery rules 1-4 of ARCHITECTURE.md. Each
/// Route starts a <see cref="DeliveryAttempt"/> child, which answers the asker, so the entity never waits
/// for an agent. Passivates itself when it has had no session for a while.
/// </summary>
public sealed class UserDirectory : ReceiveActor
{
    /// <summary>How long an entity without sessions stays before it passivates; probes of unknown names cost nothing afterwards.</summary>
    public static readonly TimeSpan PassivateAfter = TimeSpan.FromMinutes(2);

    private readonly string _user;
    private readonly RelaySettings _settings;
    private readonly ILogger _log;
    private readonly Dictionary<IActorRef, SessionEntry> _sessions = [];
    private long _attempts;

    /// <summary>Creates the entity for <paramref name="entityId"/>.</summary>
    public UserDirectory(string entityId, RelaySettings settings)
    {
        _user = entityId;
        _settings = settings;
        _log = Context.GetLogger();
        Receive<RegisterSession>(OnRegister);
        Receive<UnregisterSession>(u => Remove(u.Session));
        Receive<UpdateSessionPreferences>(u => Update(u.Session, e => e with { Preferences = u.Preferences }));
        Receive<SessionActivity>(a => Update(a.Session, e => a.LastActivity > e.LastActivity ? e with { LastActivity = a.LastActivity } : e));
        Receive<Route>(OnRoute);
        Receive<VerifyRecipient>(OnVerify);
        Receive<GetUserSessions>(_ => Sender.Tell(new UserSessions(_user, [.. _sessions.Values])));
        Receive<Terminated>(t => Remove(t.ActorRef));
        Receive<ReceiveTimeout>(_ => OnIdle());
    }

    /// <summary>The entity id of a user name: names compare case-insensitively, so one entity serves every spelling.</summary>
    public static string EntityIdOf(string user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.ToLowerInvariant();
    }

    /// <summary>Props of the entity for <paramref name="entityId"/>.</summary>
    public static Props Props(string entityId, RelaySettings settings) => Actors.Props.Create(() => new UserDirectory(entityId, settings));

    /// <inheritdoc />
    protected override void PreStart() => Context.SetReceiveTimeout(PassivateAfter);

    private void OnRegister(RegisterSession register)
    {
        var entry = register.Entry;
        _sessions[entry.Session] = entry;
        Context.Watch(entry.Session);
        Context.SetReceiveTimeout(null);
        UserDirectoryLog.SessionRegistered(_log, _user, entry.Tty, entry.Node, _sessions.Count);
        Sender.Tell(new SessionRegistered(_user, entry.Tty));
    }

    private void Remove(IActorRef session)
    {
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
        var choice = Choose(message.To, message.From);
        if (Refusal(choice, message.To.User) is { } refusal)
        {
            UserDirectoryLog.NotDelivered(_log, _user, refusal.Status, refusal.Reason);
            Sender.Tell(refusal);
            return;
        }

        var autoreplies = DeliveryDecision.Autoreplies(choice.Sessions);
        var attemptId = ++_attempts;
        var deliver = new Deliver(attemptId, message, Context.System.Scheduler.Now);
        var user = message.To.User;
        Context.ActorOf(DeliveryAttempt.Props(
            attemptId,
            [.. choice.Sessions.Select(s => s.Session)],
            deliver,
            Sender,
            _settings.Delivery.AckTimeout,
            acknowledged => DeliveryDecision.AfterDelivery(acknowledged, user, autoreplies)));
    }

    private void OnVerify(VerifyRecipient verify)
    {
        var choice = Choose(verify.To, verify.From);
        Sender.Tell(Refusal(choice, verify.To.User) ?? DeliveryOutcome.Delivered(DeliveryDecision.Autoreplies(choice.Sessions)));
    }

    private void OnIdle()
    {
        if (_sessions.Count == 0 && !Context.Children.Any())
        {
            Context.SetReceiveTimeout(null);
            Context.Parent.Tell(new Passivate(PoisonPill.Instance));
        }
    }
}
