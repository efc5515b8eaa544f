using System.Globalization;
using MsgRelay.Actors;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Relay.Agents;

/// <summary>Pushing 511 delivery blocks and counting the agent's acknowledgements.</summary>
public sealed partial class AgentSession
{
    private void OnDeliver(Deliver deliver)
    {
        var message = deliver.Message;
        if (deliver.IsBroadcast && !_preferences.Accepts(message.From))
        {
            Decline(deliver, "refused by the agent's mesg or rules");
            return;
        }

        if (_pending.Count >= MaxPendingDeliveries)
        {
            Decline(deliver, "too many unacknowledged deliveries");
            return;
        }

        var id = (++_deliveries).ToString(CultureInfo.InvariantCulture);
        _pending[id] = new PendingDelivery(Sender, deliver.AttemptId);
        _ackDeadlines.Add(id, Now + _settings.Delivery.AckTimeout);
        _ackDeadlines.Arm(Timers, Now);

        // Names are made visible-safe here as well as quoted: the agent may show them raw.
        var block = new RwpAgentDelivery(
            id,
            Sanitiser.ForDisplayLine(message.From.User),
            Sanitiser.ForDisplayLine(message.From.Host),
            Sanitiser.ForDisplayLine(message.From.Tty ?? string.Empty),
            Math.Max(0, message.Hops),
            deliver.AcceptedAt.ToUnixTimeMilliseconds(),
            message.Body);
        Write(w => RwpResponseWriter.WriteAgentDelivery(w, block));
    }

    private void OnAck(string id)
    {
        if (!_pending.Remove(id, out var pending))
        {
            Reply(AgentReplies.NoSuchDelivery);
            return;
        }

        pending.ReplyTo.Tell(new Delivered(pending.AttemptId));
        Reply(RwpReplies.QuoteOk);
    }

    private void OnAcksDue()
    {
        _ackDeadlines.Expire(Now, OnAckTimedOut);
        _ackDeadlines.Arm(Timers, Now);
    }

    private void OnAckTimedOut(string deliveryId)
    {
        if (_pending.Remove(deliveryId, out var pending))
        {
            AgentSessionLog.NotAcknowledged(_log, deliveryId, _user, _tty, "ack timeout");
            pending.ReplyTo.Tell(new NotAcknowledged(pending.AttemptId, "not acknowledged in time"));
        }
    }

    private void Decline(Deliver deliver, string reason) => Sender.Tell(new NotAcknowledged(deliver.AttemptId, reason));
}
