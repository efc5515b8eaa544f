using System.Buffers;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Telemetry;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// One TCP connection: owns its transport, tells MSP from RWP on a shared port, runs the protocol
/// and turns the relay's outcomes into replies. Input is parsed only while no Route is pending,
/// so answers leave strictly in the order the messages came (MSP v2 pipelining) and an RWP session
/// sees its next line only after the previous answer was written. The actor asks the router
/// itself (router replies come to Self, no Ask promise per message); with one question pending at
/// a time every reply belongs to it, and after a timeout the connection is closed, so a late reply
/// can never be taken for the next question's.
/// </summary>
/// <remarks>
/// States: Sniffing (shared port, until the first bytes decide or the window ends) then Msp or
/// Rwp; an RWP connection becomes Agent at its first QUOTE KEY or QUOTE AGENT. A client that
/// goes away never loses a message already handed to the relay: the actor waits for the pending
/// outcome, discards the reply and stops.
/// </remarks>
public sealed partial class ConnectionActor : ReceiveActor, IWithTimers
{
    private const string SniffTimer = "sniff";
    private const string IdleTimer = "idle";
    private const string RouteTimer = "route";

    // Unparsed input beyond this pauses reading until the actor catches up.
    private const int MaxBufferedInput = 16 * 1024;

    private readonly IConnectionTransport _transport;
    private readonly IActorRef _router;
    private readonly ListenerSettings _settings;
    private readonly PortProtocols _protocols;
    private readonly Func<AgentConnection, Props>? _agentSessionProps;
    private ILogger? _log;
    private readonly ArrayBufferWriter<byte> _output = new(256);
    private ReadOnlyMemory<byte> _input = ReadOnlyMemory<byte>.Empty;
    private DateTimeOffset _lastActivity;
    private bool _readPaused;
    private bool _awaiting;
    private DateTimeOffset _routeStarted;
    private PendingAnswer _pendingAnswer;
    private bool _peerDone;
    private bool _peerVanished;
    private bool _closeWhenIdle;
    private bool _stopped;

    /// <summary>Creates the actor for one accepted connection.</summary>
    /// <param name="transport">The connection's byte stream; the actor owns it.</param>
    /// <param name="router">Answers <see cref="Route"/> and <see cref="VerifyRecipient"/> with a <see cref="DeliveryOutcome"/>.</param>
    /// <param name="settings">Limits, timeouts and RWP details.</param>
    /// <param name="protocols">What the port serves; <see cref="PortProtocols.Both"/> sniffs.</param>
    /// <param name="agentSessionProps">Makes the agent session child at QUOTE KEY/AGENT (this connection, peer host);
    /// null answers those with 679.</param>
    public ConnectionActor(
        IConnectionTransport transport,
        IActorRef router,
        ListenerSettings settings,
        PortProtocols protocols,
        Func<AgentConnection, Props>? agentSessionProps = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(settings);
        _transport = transport;
        _router = router;
        _settings = settings;
        _protocols = protocols;
        _agentSessionProps = agentSessionProps;
        _lines = new RwpLineReader(settings.MaxLineLength);
        _session = new RwpSession(settings.ToRwpSessionSettings(), transport.PeerHost);
        Sniffing();
    }

    private enum PendingAnswer
    {
        Msp1,
        Msp2,
        RwpSend,
        RwpVerify,
    }

    /// <inheritdoc/>
    public ITimerScheduler Timers { get; set; } = null!;

    private string Peer => _transport.PeerEndpoint;

    // Created on first use: a connection that logs nothing (the usual case) does not pay for a logger.
    private ILogger Log => _log ??= Context.GetLogger();

    /// <inheritdoc/>
    protected override void PreStart()
    {
        RelayMetrics.ConnectionsAccepted.Add(1, new KeyValuePair<string, object?>("port", PortTag));
        RelayMetrics.ConnectionsOpen.Add(1, new KeyValuePair<string, object?>("port", PortTag));
        _lastActivity = Context.System.Scheduler.Now;
        Timers.StartSingleTimer(IdleTimer, IdleCheck.Instance, _settings.IdleTimeout);
        _transport.Start(Self);
        switch (_protocols)
        {
            case PortProtocols.Msp:
                BecomeMsp();
                break;
            case PortProtocols.Rwp:
                BecomeRwp();
                break;
            default:
                Timers.StartSingleTimer(SniffTimer, SniffWindowEnded.Instance, _settings.SniffWindow);
                break;
        }
    }

    /// <inheritdoc/>
    protected override void PostStop()
    {
        RelayMetrics.ConnectionsOpen.Add(-1, new KeyValuePair<string, object?>("port", PortTag));
        _transport.Close();
    }

    // Connections are counted by what their port serves: the protocol of a shared port is known only later.
    private string PortTag => _protocols switch
    {
        PortProtocols.Msp => "msp",
        PortProtocols.Rwp => "rwp",
        _ => "msp+rwp",
    };

    private void Sniffing()
    {
        Receive<ConnectionReceived>(received =>
        {
            Append(received);
            Decide(ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(_input)));
        });
        Receive<SniffWindowEnded>(_ =>
        {
            // Silence so far: greet as RWP, but keep watching for a slow MSP client (see StepRwp).
            _lateMspWatch = _input.IsEmpty;
            Decide(ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(_input), windowClosed: true));
        });
        Receive<ConnectionPeerClosed>(closed =>
        {
            OnPeerClosed(closed);
            Decide(ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(_input), windowClosed: true));
        });
        Common();
    }

    private void Decide(WireProtocol protocol)
    {
        if (protocol == WireProtocol.Undecided)
        {
            AdjustReading();
            return;
        }

        Timers.Cancel(SniffTimer);
        if (protocol == WireProtocol.Msp)
        {
            BecomeMsp();
        }
        else
        {
            BecomeRwp();
        }
    }

    /// <summary>Once the protocol is known (MSP or RWP alike): input is parsed as it arrives through <see cref="Step"/>.</summary>
    private void Connected()
    {
        Receive<ConnectionReceived>(OnReceived);
        Receive<ConnectionPeerClosed>(closed =>
        {
            OnPeerClosed(closed);
            ProcessInput();
        });
        Common();
    }

    private void Common()
    {
        Receive<DeliveryOutcome>(OnOutcome);
        Receive<Status.Failure>(_ => OnOutcome(null));
        Receive<RouteDeadline>(_ => OnRouteDeadline());
        Receive<IdleCheck>(_ => OnIdleCheck());
        Receive<ConnectionDrain>(_ => OnDrain());
        Receive<ConnectionWrite>(write => _transport.Write(write.Data));
        Receive<ConnectionClose>(close => CloseConnection(close.Reason));
        Receive<Terminated>(_ => CloseConnection("agent session ended"));
    }

    private void Append(ConnectionReceived received)
    {
        _lastActivity = Context.System.Scheduler.Now;
        if (_input.IsEmpty)
        {
            _input = received.Data;
            return;
        }

        var joined = new byte[_input.Length + received.Data.Length];
        _input.Span.CopyTo(joined);
        received.Data.CopyTo(joined.AsSpan(_input.Length));
        _input = joined;
    }

    private void OnReceived(ConnectionReceived received)
    {
        Append(received);
        ProcessInput();
    }

    private void OnPeerClosed(ConnectionPeerClosed closed)
    {
        _peerDone = true;
        if (closed.Error is not null)
        {
            // Nothing can be written any more; what is buffered was not confirmed to the client either.
            _peerVanished = true;
            _input = ReadOnlyMemory<byte>.Empty;
            if (closed.TransportFault)
            {
                Log.TransportFault(Peer, closed.Error);
            }
            else
            {
                Log.PeerVanished(Peer, closed.Error);
            }
        }
    }

    /// <summary>Parses what is buffered until a Route is pending or more input is needed, then writes the answers in one go.</summary>
    private void ProcessInput()
    {
        // Each step consumes input or starts a Route, so the input length bounds the loop.
        for (var guard = _input.Length + 1; guard > 0 && !_awaiting && !_closeWhenIdle && !_stopped; guard--)
        {
            if (!Step())
            {
                break;
            }
        }

        HandAgentLines();
        Flush();
        if (_stopped)
        {
            return;
        }

        if (!_awaiting && _closeWhenIdle)
        {
            CloseConnection("finished");
        }
        else if (!_awaiting && _peerDone)
        {
            CloseConnection(_peerVanished ? "peer vanished" : "peer closed");
        }
        else
        {
            AdjustReading();
        }
    }

    private Func<bool> Step { get; set; } = static () => false;

    private void AdjustReading()
    {
        var full = _input.Length >= MaxBufferedInput;
        if (full && !_readPaused)
        {
            _readPaused = true;
            _transport.PauseReading();
        }
        else if (!full && _readPaused)
        {
            _readPaused = false;
            _transport.ResumeReading();
        }
    }

    private void Consume(SequencePosition position, in ReadOnlySequence<byte> buffer) =>
        _input = _input[(int)buffer.Slice(0, position).Length..];

    private void Flush()
    {
        if (_output.WrittenCount == 0)
        {
            return;
        }

        if (!_peerVanished)
        {
            _transport.Write(_output.WrittenMemory.ToArray());
        }

        _output.ResetWrittenCount();
    }

    private IngressProtocol? _metered;
    private long _meterStarted;

    private void StartRoute(object question, PendingAnswer answer)
    {
        _awaiting = true;
        _pendingAnswer = answer;
        _routeStarted = Context.System.Scheduler.Now;

        // One deadline timer re-armed as it fires, rather than a timer per message.
        if (!Timers.IsTimerActive(RouteTimer))
        {
            Timers.StartSingleTimer(RouteTimer, RouteDeadline.Instance, _settings.RouteTimeout);
        }

        if (question is Route route)
        {
            _metered = route.Message.Protocol;
            _meterStarted = RelayMetrics.Received(route.Message.Protocol);
        }

        _router.Tell(question, Self);
    }

    private void OnRouteDeadline()
    {
        if (!_awaiting)
        {
            return;
        }

        var waited = Context.System.Scheduler.Now - _routeStarted;
        if (waited < _settings.RouteTimeout)
        {
            Timers.StartSingleTimer(RouteTimer, RouteDeadline.Instance, _settings.RouteTimeout - waited);
            return;
        }

        OnOutcome(null);
    }

    private void OnOutcome(DeliveryOutcome? outcome)
    {
        if (!_awaiting)
        {
            return;
        }

        _awaiting = false;
        if (_metered is { } protocol)
        {
            RelayMetrics.Completed(protocol, outcome, _meterStarted);
            _metered = null;
        }

        if (outcome is null)
        {
            // The late answer, if it ever comes, must not be read as the next question's: answer busy and close.
            Log.RouteTimedOut(Peer);
            _closeWhenIdle = true;
        }

        if (_peerVanished)
        {
            Log.PeerVanished(Peer, "answer discarded");
        }
        else
        {
            WriteAnswer(_pendingAnswer, outcome);
        }

        ProcessInput();
    }

    private void OnIdleCheck()
    {
        // Waiting for the relay is not the client's silence.
        var silent = _awaiting ? TimeSpan.Zero : Context.System.Scheduler.Now - _lastActivity;
        if (silent >= _settings.IdleTimeout)
        {
            Log.IdleClosed(Peer, silent);
            CloseConnection("idle");
            return;
        }

        Timers.StartSingleTimer(IdleTimer, IdleCheck.Instance, _settings.IdleTimeout - silent);
    }

    private void OnDrain()
    {
        _closeWhenIdle = true;
        if (_awaiting)
        {
            return;
        }

        if (_mode == Mode.Rwp)
        {
            RwpResponseWriter.Write(_output, RwpReplies.ShuttingDown);
        }

        Flush();
        CloseConnection("shutting down");
    }

    private void CloseConnection(string reason)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        Flush();
        Log.Closing(Peer, reason);
        _transport.Close();
        Context.Stop(Self);
    }
}
