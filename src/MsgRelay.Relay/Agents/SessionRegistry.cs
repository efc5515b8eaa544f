using System.Globalization;
using MsgRelay.Actors;
using MsgRelay.Protocols.Text;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Agents;

/// <summary>
/// The agent sessions connected to this node: names their terminals, answers <see cref="ListSessions"/>
/// (<c>msgrelay who</c>) and delivers broadcasts and messages for "any user on terminal X" (MSP's
/// empty RECIPIENT), which go by terminal rather than by user and so bypass the user directory.
/// </summary>
public sealed class SessionRegistry : ReceiveActor, IWithTimers
{
    private readonly string _node;
    private readonly Dictionary<IActorRef, LocalSession> _sessions = [];
    private readonly PendingAttempts _pending;

    /// <summary>Creates the registry of node <paramref name="node"/>.</summary>
    public SessionRegistry(string node, TimeSpan ackTimeout)
    {
        _node = node;
        _pending = new PendingAttempts(ackTimeout);
        Receive<RegisterLocalSession>(OnRegister);
        Receive<LocalSessionChanged>(OnChanged);
        Receive<Terminated>(t =>
        {
            _sessions.Remove(t.ActorRef);
            _pending.SessionGone(t.ActorRef);
        });
        Receive<Delivered>(d => _pending.Acknowledged(d.AttemptId));
        Receive<NotAcknowledged>(n => _pending.Declined(n.AttemptId, Sender));
        Receive<PendingAttempts.DeadlineTick>(_ => _pending.OnTick(Timers, Context.System.Scheduler.Now));
        Receive<ListSessions>(_ => OnList());
        Receive<DeliverToLocalSessions>(OnDeliver);
        Receive<GetSessionsOf>(OnGetSessionsOf);
        Receive<ReregisterLocalSessions>(OnReregister);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the registry.</summary>
    public static Props Props(string node, TimeSpan ackTimeout) => Actors.Props.Create(() => new SessionRegistry(node, ackTimeout));

    private void OnRegister(RegisterLocalSession register)
    {
        var tty = register.RequestedTty ?? FreeTerminal(register.User);
        _sessions[register.Session] = new LocalSession(register.User, tty, register.LoginTime, register.LoginTime, SessionPreferences.Default);
        Context.Watch(register.Session);
        Sender.Tell(new LocalSessionRegistered(tty));
    }

    // The lowest agent/<n> the user does not use on this node, so a reconnecting agent gets its old name back.
    private string FreeTerminal(string user)
    {
        var used = _sessions.Values.Where(s => NameComparison.NamesEqual(s.User, user)).Select(s => s.Tty).ToHashSet(NameComparison.Comparer);
        for (var n = 1; ; n++)
        {
            var tty = string.Create(CultureInfo.InvariantCulture, $"agent/{n}");
            if (!used.Contains(tty))
            {
                return tty;
            }
        }
    }

    private void OnChanged(LocalSessionChanged changed)
    {
        if (_sessions.TryGetValue(changed.Session, out var session))
        {
            _sessions[changed.Session] = session with { LastActivity = changed.LastActivity, Preferences = changed.Preferences };
        }
    }

    private void OnGetSessionsOf(GetSessionsOf query) =>
        Sender.Tell(new SessionsOf([.. _sessions
            .Where(s => NameComparison.NamesEqual(s.Value.User, query.User))
            .Select(s => new SessionEntry(s.Key, _node, s.Value.Tty, s.Value.LoginTime, s.Value.LastActivity, s.Value.Preferences))]));

    private void OnReregister(ReregisterLocalSessions reregister)
    {
        foreach (var (session, local) in _sessions)
        {
            var entry = new SessionEntry(session, _node, local.Tty, local.LoginTime, local.LastActivity, local.Preferences);
            reregister.Directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(local.User), new RegisterSession(local.User, entry)), session);
        }
    }

    private void OnList()
    {
        var now = Context.System.Scheduler.Now;
        var list = _sessions.Values
            .OrderBy(s => s.User, NameComparison.Comparer)
            .ThenBy(s => s.Tty, StringComparer.Ordinal)
            .Select(s => new SessionInfo(s.User, s.Tty, _node, s.LoginTime, Max(now - s.LastActivity, TimeSpan.Zero), s.Preferences.MesgEnabled))
            .ToList();
        Sender.Tell(new SessionList(list));
    }

    private void OnDeliver(DeliverToLocalSessions deliver)
    {
        var targets = _sessions
            .Where(s => deliver.Tty is null || NameComparison.NamesEqual(s.Value.Tty, deliver.Tty))
            .Select(s => s.Key)
            .ToArray();
        var label = deliver.Tty is null ? "anyone" : "terminal " + deliver.Tty;
        if (targets.Length == 0)
        {
            Sender.Tell(DeliveryOutcome.NotLoggedIn(label));
            return;
        }

        _pending.Start(targets, deliver.Message, isBroadcast: true, Sender, label, [], duplicateKey: null, Self, Context.System.Scheduler.Now);
        _pending.ArmTimer(Timers, Context.System.Scheduler.Now);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record LocalSession(string User, string Tty, DateTimeOffset LoginTime, DateTimeOffset LastActivity, SessionPreferences Preferences);
}
