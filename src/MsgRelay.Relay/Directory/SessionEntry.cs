using MsgRelay.Actors;

namespace MsgRelay.Relay.Directory;

/// <summary>One logged-in agent session of a user, as the user's directory entity knows it.</summary>
/// <param name="Session">The AgentSession actor.</param>
/// <param name="Node">Name of the node the session is connected to.</param>
/// <param name="Tty">The session's terminal name (e.g. <c>agent/1</c>).</param>
/// <param name="LoginTime">When the session registered.</param>
/// <param name="LastActivity">When the agent last sent a line (idle time = now - this).</param>
/// <param name="Preferences">mesg, away text and sender rules.</param>
public sealed record SessionEntry(
    IActorRef Session,
    string Node,
    string Tty,
    DateTimeOffset LoginTime,
    DateTimeOffset LastActivity,
    SessionPreferences Preferences);
