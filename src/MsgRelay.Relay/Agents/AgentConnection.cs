using MsgRelay.Actors;
using MsgRelay.Relay.Sessions;

namespace MsgRelay.Relay.Agents;

/// <summary>
/// The connection an agent session speaks through: the connection actor (told to close) and the
/// byte sink the session writes its answers and 511 blocks to.
/// </summary>
/// <remarks>
/// A node passes the socket transport's own Write, so a delivery leaves in the session's turn
/// instead of one actor hop later: on the hot path every hop is a thread-pool hand-off. The
/// connection forwards input only and writes nothing itself once it has handed over, so the order
/// of everything the agent sees is the order the session wrote it.
/// </remarks>
/// <param name="Actor">The connection actor; the session tells it <see cref="ConnectionClose"/>.</param>
/// <param name="Peer">The agent's host address (no port).</param>
/// <param name="Write">Queues bytes for the agent, in call order; thread-safe.</param>
public sealed record AgentConnection(IActorRef Actor, string Peer, Action<ReadOnlyMemory<byte>> Write)
{
    /// <summary>A connection whose bytes go through its actor as <see cref="ConnectionWrite"/> (tests observe them there).</summary>
    public static AgentConnection ViaActor(IActorRef actor, string peer) =>
        new(actor, peer, data => actor.Tell(new ConnectionWrite(data)));
}
