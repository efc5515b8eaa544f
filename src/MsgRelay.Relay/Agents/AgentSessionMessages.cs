using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Agents;

/// <summary>
/// The complete lines of one read from an RWP connection's agent, in order, handed to the agent
/// session it created. The connection hands over at the first QUOTE KEY or QUOTE AGENT (that line
/// included) and from then on forwards every read's lines; the session writes its answers itself
/// and asks its parent to close. The lines of one read travel together so that their answers (an ACK's
/// <c>112 Ok.</c> for every block a busy agent acknowledged at once) leave in one write. A null
/// stands for a line longer than the connection accepts; the session answers it 668 in its place.
/// </summary>
public sealed record AgentLines(IReadOnlyList<string?> Lines);

/// <summary>
/// Push <paramref name="Message"/> to the agent. The session answers the sender with
/// <see cref="Delivered"/> when the agent acknowledges it within the ack timeout, otherwise (timeout,
/// refusal, session ending) with <see cref="NotAcknowledged"/>; always exactly one of them.
/// </summary>
/// <param name="AttemptId">Echoed in the answer so the asker can tell its deliveries apart.</param>
/// <param name="Message">The message.</param>
/// <param name="AcceptedAt">When the relay accepted it (the 511 header's unix-ms).</param>
/// <param name="IsBroadcast">A broadcast skips the directory, so the session applies its own mesg and rules.</param>
public sealed record Deliver(long AttemptId, RelayMessage Message, DateTimeOffset AcceptedAt, bool IsBroadcast = false);

/// <summary>The agent acknowledged the delivery of attempt <paramref name="AttemptId"/> in time.</summary>
public sealed record Delivered(long AttemptId);

/// <summary>The delivery of attempt <paramref name="AttemptId"/> did not count, and why.</summary>
public sealed record NotAcknowledged(long AttemptId, string Reason);

/// <summary>Timer message: the oldest unacknowledged deliveries may have run out of time.</summary>
internal sealed record AcksDue
{
    public static AcksDue Instance { get; } = new();
}
