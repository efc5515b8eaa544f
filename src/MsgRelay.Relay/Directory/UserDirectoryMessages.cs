using MsgRelay.Actors;

namespace MsgRelay.Relay.Directory;

/// <summary>Adds (or replaces) a session of the user; answered with <see cref="SessionRegistered"/>.</summary>
public sealed record RegisterSession(string User, SessionEntry Entry);

/// <summary>The directory knows the session now; deliveries may reach it.</summary>
public sealed record SessionRegistered(string User, string Tty);

/// <summary>Removes a session of the user (the agent logged out). No answer.</summary>
public sealed record UnregisterSession(string User, IActorRef Session);

/// <summary>A session's mesg, away text or rules changed. No answer.</summary>
public sealed record UpdateSessionPreferences(string User, IActorRef Session, SessionPreferences Preferences);

/// <summary>A session's agent was active at <paramref name="LastActivity"/> (for least-idle selection). No answer.</summary>
public sealed record SessionActivity(string User, IActorRef Session, DateTimeOffset LastActivity);

/// <summary>Asks for the user's sessions; answered with <see cref="UserSessions"/>.</summary>
public sealed record GetUserSessions(string User);

/// <summary>The user's sessions as the directory knows them.</summary>
public sealed record UserSessions(string User, IReadOnlyList<SessionEntry> Sessions);
