namespace MsgRelay.Relay.Agents;

/// <summary>
/// One RWP command line handed from an RWP connection to the agent session it created. The
/// connection hands over at the first QUOTE KEY or QUOTE AGENT (that line included) and from then on
/// forwards every line; the session answers through ConnectionWrite/ConnectionClose to its parent.
/// </summary>
public sealed record AgentLine(string Line);
