using System.Buffers;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Msp;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Telemetry;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// One UDP datagram, from classification to the (optional) reply, then it stops. MSP v1 is
/// echoed after routing; MSP v2 gets <c>+</c> only when a named recipient got it; RWP dialogues
/// get nothing back. Duplicates of MSP v2 datagrams are answered as the first copy was and never
/// routed twice; every reply passes the per-address rate limit.
/// </summary>
public sealed class DatagramActor : ReceiveActor
{
    private readonly DatagramReceived _datagram;
    private readonly PortProtocols _protocols;
    private readonly IActorRef _router;
    private readonly ListenerSettings _settings;
    private readonly DatagramGate _gate;
    private readonly IDatagramReplier _replier;
    private readonly string _peer;
    private readonly DateTimeOffset _started;
    private ILogger? _log;
    private MspMessage? _message;
    private string? _duplicateKey;
    private bool _answered;

    /// <summary>Creates the actor for one datagram.</summary>
    public DatagramActor(
        DatagramReceived datagram,
        PortProtocols protocols,
        IActorRef router,
        ListenerSettings settings,
        DatagramGate gate,
        IDatagramReplier replier)
    {
        _datagram = datagram;
        _protocols = protocols;
        _router = router;
        _settings = settings;
        _gate = gate;
        _replier = replier;
        _peer = datagram.PeerHost;
        _started = Context.System.Scheduler.Now;
        Receive<DeliveryOutcome>(outcome => OnRouted(outcome));
        Receive<Status.Failure>(_ => OnRouted(null));
        Receive<DatagramDeadline>(deadline =>
        {
            if (deadline.Now - _started >= _settings.RouteTimeout)
            {
                OnRouted(null);
            }
        });
        Receive<DatagramDialogueRouted>(_ => Context.Stop(Self));
    }

    private string Peer => _peer;

    // Created on first use: most datagrams log nothing, and a logger per short-lived actor is not free.
    private ILogger Log => _log ??= Context.GetLogger();

    /// <inheritdoc/>
    protected override void PreStart()
    {
        var data = _datagram.Data;
        var protocol = _protocols == PortProtocols.Rwp ? WireProtocol.Rwp : ProtocolSniffer.ClassifyDatagram(data);
        if (protocol == WireProtocol.Msp)
        {
            OnMsp(data);
        }
        else if (_protocols == PortProtocols.Msp)
        {
            Drop("MSP", "not an MSP message");
        }
        else
        {
            OnRwp(data);
        }
    }

    private void OnMsp(byte[] data)
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(data));
        if (result.Status != ReadStatus.Complete)
        {
            Drop("MSP", result.Status == ReadStatus.Incomplete ? "truncated message" : result.Reason);
            return;
        }

        var message = result.Message!;
        _message = message;
        if (message.Version == 2)
        {
            _duplicateKey = DuplicateFilter.KeyOf(Peer, message.Sender, message.SenderTerminal, message.Cookie);
            var check = _gate.CheckDuplicate(_duplicateKey, Context.System.Scheduler.Now);
            if (check.Status != DuplicateStatus.First)
            {
                Log.DatagramDuplicate(Peer, message.Cookie);
                if (check.Status == DuplicateStatus.Answered && check.Outcome is { } earlier)
                {
                    Answer(earlier);
                }

                Context.Stop(Self);
                return;
            }
        }

        // The actor asks the router itself (no Ask promise, no timer): it handles exactly one answer and
        // then stops, so a late answer cannot be mistaken for another. The listener's periodic
        // DatagramDeadline ends the wait if the relay never answers.
        var protocol = message.Version == 1 ? IngressProtocol.Msp1Udp : IngressProtocol.Msp2Udp;
        _meterStarted = RelayMetrics.Received(protocol);
        _router.Tell(new Route(IngressMapping.FromMsp(message, protocol, Peer)), Self);
    }

    private long _meterStarted;

    private void OnRouted(DeliveryOutcome? routed)
    {
        if (_message is null || _answered)
        {
            return;
        }

        _answered = true;
        RelayMetrics.Completed(_message.Version == 1 ? IngressProtocol.Msp1Udp : IngressProtocol.Msp2Udp, routed, _meterStarted);
        if (routed is null)
        {
            Log.DatagramRouteTimedOut(Peer);
        }

        if (_duplicateKey is not null)
        {
            _gate.CompleteDuplicate(_duplicateKey, routed);
        }

        if (routed is { } outcome)
        {
            Answer(outcome);
        }
        else if (_message!.Version == 1)
        {
            // RFC 1159's echo acknowledges receipt, and routing was attempted.
            Answer(DeliveryOutcome.ForwardFailed("no answer"));
        }

        Context.Stop(Self);
    }

    private void Answer(DeliveryOutcome outcome)
    {
        ReadOnlyMemory<byte> reply;
        if (_message!.Version == 1)
        {
            if (!OutcomeReplies.Msp1UdpEchoes(outcome))
            {
                return;
            }

            reply = _datagram.Data;
        }
        else
        {
            if (!OutcomeReplies.Msp2UdpAcknowledges(outcome, namedRecipient: _message.Recipient.Length > 0))
            {
                return;
            }

            reply = Positive;
        }

        if (!_gate.TryReply(Peer, Context.System.Scheduler.Now))
        {
            Log.ReplyRateLimited(Peer);
            return;
        }

        _replier.Reply(_datagram, reply);
    }

    private void OnRwp(byte[] data)
    {
        var result = RwpDatagram.Read(data, _settings.ToRwpSessionSettings(), Peer);
        if (result.IsRejected)
        {
            Drop("RWP", result.Rejection!.Value.ToString());
            return;
        }

        if (result.Envelopes.Count == 0)
        {
            Context.Stop(Self);
            return;
        }

        var asks = new Task[result.Envelopes.Count];
        for (var i = 0; i < asks.Length; i++)
        {
            var message = IngressMapping.FromRwp(result.Envelopes[i], IngressProtocol.RwpUdp, Peer);
            Log.DatagramBody(Peer, message.To.ToString(), message.Body);
            var started = RelayMetrics.Received(IngressProtocol.RwpUdp);
            asks[i] = _router.Ask<DeliveryOutcome>(new Route(message), _settings.RouteTimeout)
                .ContinueWith(t => RelayMetrics.Completed(IngressProtocol.RwpUdp, t.IsCompletedSuccessfully ? t.Result : null, started), TaskScheduler.Default);
        }

        // Nobody is told the outcome; the actor only lives until the relay has taken every message.
        Task.WhenAll(asks).PipeTo(Self, success: () => DatagramDialogueRouted.Instance, failure: _ => DatagramDialogueRouted.Instance);
    }

    private void Drop(string protocol, string reason)
    {
        Log.DatagramMalformed(protocol, Peer, reason);
        Context.Stop(Self);
    }

    private static readonly byte[] Positive = [(byte)'+', 0];
}
