using MsgRelay.Actors;
using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Agents;

/// <summary>
/// An agent session of this node logged in as <paramref name="User"/>. The registry watches it and
/// answers <see cref="LocalSessionRegistered"/> with the terminal name: <paramref name="RequestedTty"/>
/// when given, otherwise the lowest free <c>agent/&lt;n&gt;</c> of that user on this node.
/// </summary>
public sealed record RegisterLocalSession(IActorRef Session, string User, string? RequestedTty, DateTimeOffset LoginTime);

/// <summary>The terminal name the session is registered under.</summary>
public sealed record LocalSessionRegistered(string Tty);

/// <summary>The session's preferences or activity changed (kept for broadcasts and <c>who</c>).</summary>
public sealed record LocalSessionChanged(IActorRef Session, DateTimeOffset LastActivity, SessionPreferences Preferences);

/// <summary>Lists the sessions of this node; answered with <see cref="SessionList"/>.</summary>
public sealed record ListSessions;

/// <summary>One session for <c>msgrelay who</c>.</summary>
/// <param name="User">The user name as the agent gave it.</param>
/// <param name="Tty">Its terminal name.</param>
/// <param name="Node">This node's name.</param>
/// <param name="LoginTime">When it logged in.</param>
/// <param name="Idle">Time since the agent's last line.</param>
/// <param name="MesgEnabled">mesg y (true) or n.</param>
public sealed record SessionInfo(string User, string Tty, string Node, DateTimeOffset LoginTime, TimeSpan Idle, bool MesgEnabled);

/// <summary>The sessions of this node, ordered by user then terminal.</summary>
public sealed record SessionList(IReadOnlyList<SessionInfo> Sessions);

/// <summary>
/// Deliver a broadcast (or a message for a terminal of any user, MSP's empty RECIPIENT) to this node's
/// sessions: every session, or the one on <paramref name="Tty"/> when given. Answered with a <see cref="DeliveryOutcome"/>.
/// </summary>
public sealed record DeliverToLocalSessions(RelayMessage Message, string? Tty);

/// <summary>
/// Asks a node's registry for the sessions of <paramref name="User"/> (compared case-insensitively);
/// a new directory entity rebuilds its state from every node's answer. Answered with <see cref="SessionsOf"/>.
/// </summary>
public sealed record GetSessionsOf(string User);

/// <summary>A registry's sessions of one user, as directory entries.</summary>
public sealed record SessionsOf(IReadOnlyList<SessionEntry> Sessions);

/// <summary>
/// Registers every session of this node with the user directory again (after a membership change,
/// so a shard's new owner learns them even if its entity started before they registered).
/// </summary>
public sealed record ReregisterLocalSessions(IActorRef Directory);
