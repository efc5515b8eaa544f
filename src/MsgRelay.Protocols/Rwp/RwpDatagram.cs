using System.Buffers;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// RWP over UDP: one datagram holds a whole session's command lines (the reference
/// <c>rwrite -u</c>), and the server answers nothing.
/// </summary>
/// <remarks>
/// Decision: all or nothing. Since the sender learns nothing back, a datagram with any error
/// (syntax, a SEND lacking FROM/TO/DATA, an over-long line or body, an unfinished DATA) is
/// rejected whole rather than half-delivered; the reason goes to the log. FWDS at the hop limit is
/// no error (the messages become local-only, as on TCP). VRFY and QUOTE are ignored: there is no
/// one to answer and no connection to make an agent of. Processing stops at QUIT/BYE.
/// </remarks>
public static class RwpDatagram
{
    /// <summary>Runs the datagram's lines through a session and collects what it would send.</summary>
    public static RwpDatagramResult Read(ReadOnlyMemory<byte> datagram, RwpSessionSettings settings, string peerHost)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var session = new RwpSession(settings, peerHost);
        var lines = new RwpLineReader(settings.MaxLineLength);
        var sink = new ArrayBufferWriter<byte>(256);
        var envelopes = new List<RwpEnvelope>();
        var buffer = new ReadOnlySequence<byte>(datagram);

        // Every line consumes at least one octet, so the datagram's length bounds the loop.
        for (var guard = 0; guard <= datagram.Length && session.State != RwpSessionState.Closed; guard++)
        {
            var line = lines.ReadFinal(buffer);
            buffer = buffer.Slice(line.Consumed);
            if (line.Status == ReadStatus.Incomplete)
            {
                break;
            }

            sink.Clear();
            var step = line.IsTooLong ? session.OnLineTooLong(sink) : session.OnLine(line.Line!, sink);
            if (IsError(step.ReplyCode))
            {
                return new RwpDatagramResult([], step.Reply);
            }

            if (step.Effect is RwpEffect.Send send)
            {
                envelopes.Add(send.Envelope);
            }
        }

        if (session.State == RwpSessionState.Data)
        {
            return new RwpDatagramResult([], new RwpReply(RwpReplies.MessageMissing.Code, "DATA not terminated."));
        }

        return new RwpDatagramResult(envelopes, null);
    }

    private static bool IsError(int code) => code >= 600 && code != RwpReplies.ForwardLimitExceeded.Code;
}
