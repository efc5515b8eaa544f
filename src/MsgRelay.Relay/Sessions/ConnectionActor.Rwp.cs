using System.Buffers;
using MsgRelay.Actors;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Agents;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// RWP over TCP through <see cref="RwpSession"/>, and the hand-over to an agent session at the
/// first QUOTE KEY or QUOTE AGENT.
/// </summary>
public sealed partial class ConnectionActor
{
    private readonly RwpLineReader _lines;
    private readonly RwpSession _session;
    private Mode _mode = Mode.Sniffing;
    private IActorRef? _agent;

    // Lines for the agent session gathered while one read is parsed; told as one AgentLines.
    private List<string?>? _agentLines;
    private bool _lateMspWatch;

    private enum Mode
    {
        Sniffing,
        Msp,
        Rwp,
        Agent,
    }

    private void BecomeRwp()
    {
        _mode = Mode.Rwp;
        Log.ProtocolChosen(Peer, "RWP");
        Step = StepRwp;
        Become(Connected);
        if (!_peerVanished)
        {
            if (_settings.VerboseGreeting)
            {
                _session.WriteGreeting(_output);
            }
            else
            {
                RwpResponseWriter.WriteReady(_output);
            }
        }

        ProcessInput();
    }

    private bool StepRwp()
    {
        var buffer = new ReadOnlySequence<byte>(_input);
        if (_lateMspWatch)
        {
            // An MSP client that needed longer than the sniff window (a cold runtime, a loaded
            // machine) was greeted as RWP. Its bytes cannot be an RWP command (NULs), so serve it as
            // MSP rather than answer 668: it sees the greeting line before its reply, which is
            // better than no delivery at all.
            var sniffed = ProtocolSniffer.SniffStream(buffer);
            if (sniffed == WireProtocol.Undecided)
            {
                return false;
            }

            _lateMspWatch = false;
            if (sniffed == WireProtocol.Msp)
            {
                Log.LateMsp(Peer);
                _mode = Mode.Msp;
                Step = StepMsp;
                return true;
            }
        }
        var result = _lines.Read(buffer);
        Consume(result.Consumed, buffer);
        if (result.Status == ReadStatus.Incomplete)
        {
            return false;
        }

        if (result.IsTooLong)
        {
            Log.LineTooLong(Peer);
            if (_agent is not null)
            {
                (_agentLines ??= []).Add(null);
                return true;
            }

            OnStep(_session.OnLineTooLong(_output), line: null);
            return true;
        }

        var line = result.Line!;
        if (_agent is not null)
        {
            (_agentLines ??= []).Add(line);
            return true;
        }

        OnStep(_session.OnLine(line, _output), line);
        return true;
    }

    // Called once input parsing stops: the lines of this read go to the agent session together.
    private void HandAgentLines()
    {
        if (_agentLines is { Count: > 0 } lines)
        {
            _agentLines = null;
            _agent!.Tell(new AgentLines(lines), Self);
        }
    }

    private void OnStep(RwpStep step, string? line)
    {
        if (step.ReplyCode >= 600)
        {
            Log.RwpError(Peer, step.Reply!.Value.ToString());
        }

        switch (step.Effect)
        {
            case RwpEffect.Send send:
                StartRoute(new Route(IngressMapping.FromRwp(send.Envelope, IngressProtocol.RwpTcp, _transport.PeerHost)), PendingAnswer.RwpSend);
                break;
            case RwpEffect.Verify verify:
                StartRoute(
                    IngressMapping.ForVerify(verify.Recipient, _session.From, _session.HostPath?.Origin ?? _transport.PeerHost, _session.ForwardCount, verify.LocalOnly),
                    PendingAnswer.RwpVerify);
                break;
            case RwpEffect.Quote quote:
                OnQuote(quote, line!);
                break;
            case RwpEffect.Close:
                _closeWhenIdle = true;
                break;
        }
    }

    private void OnQuote(RwpEffect.Quote quote, string line)
    {
        var agentCommand = quote.Name is RwpQuoteNames.Agent or RwpQuoteNames.Key;
        if (!agentCommand || _agentSessionProps is null)
        {
            Log.UnknownQuote(Peer, quote.Name);
            RwpResponseWriter.WriteWithReady(_output, RwpReplies.UnknownQuote);
            return;
        }

        // From here on the agent session speaks for this connection; the RWP session is done.
        _mode = Mode.Agent;
        // The session writes to the transport itself from now on: what this connection wrote so far leaves first.
        Flush();
        _agent = Context.ActorOf(_agentSessionProps(new AgentConnection(Self, _transport.PeerHost, _transport.Write)), "agent");
        Context.Watch(_agent);
        Log.HandedOver(Peer);
        (_agentLines ??= []).Add(line);
    }

    private void WriteAnswer(PendingAnswer answer, DeliveryOutcome? outcome)
    {
        switch (answer)
        {
            case PendingAnswer.RwpSend when outcome is null:
            case PendingAnswer.RwpVerify when outcome is null:
                RwpResponseWriter.WriteWithReady(_output, OutcomeReplies.RelayBusy);
                break;
            case PendingAnswer.RwpSend:
                OutcomeReplies.WriteSend(_output, outcome!, _settings.AutoreplyCode);
                LogFailure(outcome!, OutcomeReplies.ForSend(outcome!));
                break;
            case PendingAnswer.RwpVerify:
                RwpResponseWriter.WriteWithReady(_output, OutcomeReplies.ForVerify(outcome!));
                LogFailure(outcome!, OutcomeReplies.ForVerify(outcome!));
                break;
            default:
                WriteMspAnswer(answer, outcome);
                break;
        }
    }

    private void LogFailure(DeliveryOutcome outcome, RwpReply reply)
    {
        if (outcome.Status == DeliveryStatus.Malformed)
        {
            Log.RwpError(Peer, reply.ToString());
        }
    }
}
