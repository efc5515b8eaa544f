using System.Buffers;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Delivery;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sessions;

using MsgRelay.Relay.Telemetry;

namespace MsgRelay.Relay.Agents;

/// <summary>
/// One agent connection (ARCHITECTURE.md "Agent sessions"), a child of the RWP connection that handed
/// it the first QUOTE KEY/AGENT line. States: <see cref="LoggingIn"/> (KEY, AGENT) -&gt;
/// <see cref="Registering"/> (waits for the registry and the user's directory entity, stashing lines) -&gt;
/// <see cref="Active"/> (pushes 511 deliveries, takes ACK, MESG, AWAY, ALLOW, DENY, PING) -&gt;
/// <see cref="Closing"/> after QUIT. Stopping (the socket closed) logs the user out.
/// </summary>
/// <remarks>
/// Lines other than the agent commands get: 668 when unparsable, 698 for the ordinary RWP commands
/// (FROM, TO, SEND...: an agent connection does not send messages), 679 for unknown QUOTE names, and
/// 678 for agent commands that need a registered session when there is none yet (or AGENT/KEY again).
/// Every answer is followed by <c>100 Ready.</c> in the same write.
/// </remarks>
public sealed partial class AgentSession : ReceiveActor, IWithTimers, IWithStash
{
    /// <summary>Unacknowledged deliveries one session may hold; beyond it new ones are declined at once.</summary>
    public const int MaxPendingDeliveries = 100;

    // Activity is reported to the directory at most this often: idle time matters in seconds, and
    // a report per agent line would double the directory's traffic.
    private static readonly TimeSpan ActivityReportInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromSeconds(10);

    private readonly AgentConnection _connection;
    private readonly RelaySettings _settings;
    private readonly IActorRef _directory;
    private readonly IActorRef _registry;
    private readonly KeyFailureLimiter _limiter;
    private readonly ILogger _log;
    private readonly Dictionary<string, PendingDelivery> _pending = new(StringComparer.Ordinal);
    private readonly DeadlineQueue<string> _ackDeadlines;

    private byte[]? _keyHash;
    private string _user = string.Empty;
    private string _tty = string.Empty;
    private DateTimeOffset _loginTime;
    private DateTimeOffset _lastActivity;
    private DateTimeOffset _lastReported;
    private SessionPreferences _preferences = SessionPreferences.Default;
    private bool _registered;
    private long _deliveries;
    private State _state;

    // What the session wrote since its last flush. Writes gather here and leave in one send when
    // the FlushOutput the first of them queued to Self comes up, i.e. after every message that was
    // already waiting: under load, several 511 blocks and ACK answers share one system call (the
    // send, with loopback's receive side, is the largest single cost of a delivery).
    private ArrayBufferWriter<byte>? _output;

    // Lines of a batch that came after QUOTE AGENT: handled once registration ends, before anything stashed.
    private List<string?>? _deferred;

    /// <summary>Creates a session for <paramref name="connection"/>.</summary>
    public AgentSession(AgentConnection connection, RelaySettings settings, IActorRef directory, IActorRef registry, KeyFailureLimiter limiter)
    {
        _connection = connection;
        _settings = settings;
        _directory = directory;
        _registry = registry;
        _limiter = limiter;
        _log = Context.GetLogger();
        _ackDeadlines = new DeadlineQueue<string>(_pending.ContainsKey, AcksDue.Instance);
        LoggingIn();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    public IStash Stash { get; set; } = null!;

    /// <summary>
    /// Props of a session. <paramref name="directory"/> is the user directory's shard region,
    /// <paramref name="registry"/> the node's <see cref="SessionRegistry"/>. Wake-ups are deferred:
    /// the session writes all deliveries of a turn in one batch, and started next on the waking
    /// worker it had one or two per turn (28% more socket writes, 20% fewer messages per second in
    /// the end-to-end benchmark).
    /// </summary>
    public static Props Props(AgentConnection connection, RelaySettings settings, IActorRef directory, IActorRef registry, KeyFailureLimiter limiter) =>
        Actors.Props.Create(() => new AgentSession(connection, settings, directory, registry, limiter)).WithDeferredWakeUp();

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    private enum State
    {
        LoggingIn,
        Registering,
        Active,
        Closing,
    }

    private void LoggingIn()
    {
        _state = State.LoggingIn;
        Become(() =>
        {
            Receive<AgentLines>(batch => OnLines(batch.Lines));
            Receive<FlushOutput>(_ => Flush());
            Receive<Deliver>(d => Decline(d, "agent not registered"));
        });
    }

    private void Registering()
    {
        _state = State.Registering;
        Timers.StartSingleTimer("registration", RegistrationTimedOut.Instance, RegistrationTimeout);
        Become(() =>
        {
            Receive<FlushOutput>(_ => Flush());
            Receive<LocalSessionRegistered>(OnLocalSessionRegistered);
            Receive<SessionRegistered>(_ => OnRegistered());
            Receive<RegistrationTimedOut>(_ => OnRegistrationTimedOut());
            ReceiveAny(_ => Stash.Stash());
        });
    }

    private void Active()
    {
        _state = State.Active;
        Become(() =>
        {
            Receive<AgentLines>(batch => OnLines(batch.Lines));
            Receive<FlushOutput>(_ => Flush());
            Receive<Deliver>(OnDeliver);
            Receive<AcksDue>(_ => OnAcksDue());
            Receive<SessionRegistered>(_ => { }); // a re-registration after a membership change
        });
    }

    private void Closing()
    {
        _state = State.Closing;
        Become(() =>
        {
            Receive<FlushOutput>(_ => Flush());
            Receive<Deliver>(d => Decline(d, "agent session closing"));
            Receive<AcksDue>(_ => OnAcksDue());
            ReceiveAny(_ => { });
        });
    }

    // The lines of one read, each handled in the current state (their answers share a flush).
    private void OnLines(IReadOnlyList<string?> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (_state == State.Registering)
            {
                _deferred = [.. lines.Skip(i)];
                break;
            }

            if (_state == State.Closing)
            {
                break;
            }

            if (lines[i] is not { } line)
            {
                Reply(RwpReplies.SyntaxError);
            }
            else
            {
                OnLine(line, _state == State.Active ? OnActiveCommand : OnLoggingInCommand);
            }
        }
    }

    private void Flush()
    {
        if (_output is { } output)
        {
            _output = null;
            _connection.Write(output.WrittenMemory.ToArray());
        }
    }

    // What was written so far leaves before the connection is asked to close (it sends only what it has).
    private void CloseConnection(string reason)
    {
        Flush();
        _connection.Actor.Tell(new ConnectionClose(reason));
    }

    private void OnLine(string line, Action<RwpCommand> handle)
    {
        _lastActivity = Now;
        if (_registered && _lastActivity - _lastReported >= ActivityReportInterval)
        {
            _lastReported = _lastActivity;
            _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(_user), new SessionActivity(_user, Self, _lastActivity)));
            _registry.Tell(new LocalSessionChanged(Self, _lastActivity, _preferences));
        }

        if (!RwpCommandParser.TryParse(line, out var command, out var error))
        {
            AgentSessionLog.LineRejected(_log, error);
            Reply(RwpReplies.SyntaxError);
            return;
        }

        switch (command)
        {
            case RwpCommand.Quit:
                Write(w => RwpResponseWriter.Write(w, RwpReplies.Goodbye));
                CloseConnection("agent quit");
                Closing();
                break;
            case RwpCommand.Quote { Name: RwpQuoteNames.Ping }:
                Reply(RwpReplies.QuoteOk);
                break;
            case RwpCommand.Quote:
                handle(command);
                break;
            default:
                Reply(AgentReplies.NotAnAgentCommand);
                break;
        }
    }

    private void OnLocalSessionRegistered(LocalSessionRegistered registered)
    {
        _tty = registered.Tty;
        var entry = new SessionEntry(Self, _settings.NodeName, _tty, _loginTime, _lastActivity, _preferences);
        _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(_user), new RegisterSession(_user, entry)));
    }

    private void OnRegistered()
    {
        Timers.Cancel("registration");
        _registered = true;
        RelayMetrics.SessionsLoggedIn.Add(1);
        _lastReported = _lastActivity;
        AgentSessionLog.LoggedIn(_log, _user, _tty, _connection.Peer);
        Reply(RwpReplies.AgentRegistered(_user, _tty));
        Active();
        if (_deferred is { } deferred)
        {
            _deferred = null;
            OnLines(deferred);
        }

        Stash.UnstashAll();
    }

    private void OnRegistrationTimedOut()
    {
        AgentSessionLog.RegistrationTimedOut(_log, _user, _connection.Peer);
        Reply(AgentReplies.RegistrationFailed);
        CloseConnection("agent registration timed out");
        Stash.ClearStash();
        _deferred = null;
        Closing();
    }

    private void Reply(RwpReply reply) => Write(w => RwpResponseWriter.WriteWithReady(w, reply));

    private void Write(Action<IBufferWriter<byte>> write)
    {
        if (_output is null)
        {
            _output = new ArrayBufferWriter<byte>(256);
            Self.Tell(FlushOutput.Instance, Self);
        }

        write(_output);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        Flush();
        foreach (var (id, pending) in _pending)
        {
            pending.ReplyTo.Tell(new NotAcknowledged(pending.AttemptId, "agent session ended"));
            AgentSessionLog.NotAcknowledged(_log, id, _user, _tty, "session ended");
        }

        _pending.Clear();
        if (_registered)
        {
            RelayMetrics.SessionsLoggedIn.Add(-1);
            _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(_user), new UnregisterSession(_user, Self)));
            AgentSessionLog.LoggedOut(_log, _user, _tty);
        }
    }

    private sealed record FlushOutput
    {
        public static FlushOutput Instance { get; } = new();
    }

    private sealed record PendingDelivery(IActorRef ReplyTo, long AttemptId);

    private sealed record RegistrationTimedOut
    {
        public static RegistrationTimedOut Instance { get; } = new();
    }
}
