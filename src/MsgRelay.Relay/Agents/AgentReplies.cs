using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Relay.Agents;

/// <summary>The agent-session answers that <see cref="RwpReplies"/> has no entry for; codes per RFC 1756.</summary>
public static class AgentReplies
{
    /// <summary>FROM, TO, SEND and the like on an agent connection.</summary>
    public static readonly RwpReply NotAnAgentCommand = new(698, "Agent sessions take only QUOTE commands and QUIT.");

    /// <summary>ACK, MESG, AWAY, ALLOW or DENY before QUOTE AGENT.</summary>
    public static readonly RwpReply NotRegistered = new(678, "No agent registered; send QUOTE AGENT first.");

    /// <summary>AGENT or KEY on a registered session.</summary>
    public static readonly RwpReply AlreadyRegistered = new(678, "Agent already registered.");

    /// <summary>KEY or AGENT from a peer address with too many failed keys in the last minute.</summary>
    public static readonly RwpReply TooManyKeyFailures = new(678, "Too many failed keys; try again later.");

    /// <summary>ACK of an id that is not waiting (unknown, already acknowledged, or timed out).</summary>
    public static readonly RwpReply NoSuchDelivery = new(678, "No such delivery.");

    /// <summary>ALLOW/DENY past <see cref="AgentSession.MaxFilters"/>.</summary>
    public static readonly RwpReply TooManyFilters = new(678, "Too many rules.");

    /// <summary>The user directory did not confirm the registration.</summary>
    public static readonly RwpReply RegistrationFailed = new(678, "Agent registration failed.");
}
