using System.Buffers;
using MsgRelay.Protocols.Msp;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sessions;

/// <summary>MSP over TCP: v2 answers every message in order; v1 routes one message, answers nothing and reads to EOF.</summary>
public sealed partial class ConnectionActor
{
    private bool _mspV1Done;

    private void BecomeMsp()
    {
        _mode = Mode.Msp;
        Log.ProtocolChosen(Peer, "MSP");
        Step = StepMsp;
        Become(Connected);
        ProcessInput();
    }

    private bool StepMsp()
    {
        if (_mspV1Done)
        {
            // RFC 1159: one message per connection; whatever follows is read and dropped until EOF.
            _input = ReadOnlyMemory<byte>.Empty;
            return false;
        }

        var buffer = new ReadOnlySequence<byte>(_input);
        var result = MspReader.Read(buffer);
        switch (result.Status)
        {
            case Protocols.ReadStatus.Incomplete:
                return false;
            case Protocols.ReadStatus.Rejected:
                return OnMspRejected(result, buffer);
        }

        Consume(result.Consumed, buffer);
        var message = result.Message!;
        Log.MspBody(Peer, message.Recipient, message.Body);
        if (message.Version == 1)
        {
            _mspV1Done = true;
            StartRoute(new Route(IngressMapping.FromMsp(message, IngressProtocol.Msp1Tcp, _transport.PeerHost)), PendingAnswer.Msp1);
        }
        else
        {
            StartRoute(new Route(IngressMapping.FromMsp(message, IngressProtocol.Msp2Tcp, _transport.PeerHost)), PendingAnswer.Msp2);
        }

        return true;
    }

    private bool OnMspRejected(in MspReadResult result, in ReadOnlySequence<byte> buffer)
    {
        Log.MspRejected(Peer, result.Reason);
        var version1 = !_input.IsEmpty && _input.Span[0] == (byte)'A';
        if (!version1)
        {
            MspWriter.WriteReply(_output, positive: false, result.Reason);
        }

        if (result.CanContinue && !version1)
        {
            Consume(result.Consumed, buffer);
            return true;
        }

        // Framing is lost (or v1, which allows one message): nothing after this can be trusted.
        _input = ReadOnlyMemory<byte>.Empty;
        _closeWhenIdle = true;
        return false;
    }

    private void WriteMspAnswer(PendingAnswer answer, DeliveryOutcome? outcome)
    {
        if (answer == PendingAnswer.Msp1)
        {
            return;
        }

        if (outcome is null)
        {
            MspWriter.WriteReply(_output, positive: false, OutcomeReplies.RelayBusyReason);
        }
        else
        {
            OutcomeReplies.WriteMsp2Tcp(_output, outcome);
        }
    }
}
