using MsgRelay.Protocols.Text;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// Delivery rules 1-3 of ARCHITECTURE.md as a pure function: which of a user's sessions get a message.
/// </summary>
/// <remarks>
/// A session that refuses the sender (mesg n, or its last matching rule is DENY) is not a candidate.
/// Exact terminal: that session, 670 when absent, refused when it refuses. Hint (<c>[tty]</c>): that
/// session when present and accepting, otherwise the best accepting one. No terminal: the best
/// accepting session = least idle, then most recent login. <c>*</c>: every accepting session.
/// Refused only when sessions exist and none of the candidates accepts.
/// </remarks>
public static class SessionSelection
{
    /// <summary>Chooses among <paramref name="sessions"/> for a message to <paramref name="to"/> from <paramref name="from"/>.</summary>
    public static SessionChoice Choose(IReadOnlyList<SessionEntry> sessions, Recipient to, Sender from)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(from);
        if (sessions.Count == 0)
        {
            return SessionChoice.None(SessionChoiceKind.NoSession);
        }

        var tty = string.IsNullOrEmpty(to.Tty) || to.Tty == "*" ? null : to.Tty;
        if (to.AllTerminals || to.Tty == "*")
        {
            var accepting = sessions.Where(s => s.Preferences.Accepts(from)).ToList();
            return accepting.Count > 0 ? new SessionChoice(SessionChoiceKind.Chosen, accepting) : SessionChoice.None(SessionChoiceKind.Refused);
        }

        if (tty is not null && !to.TtyIsHint)
        {
            var exact = sessions.FirstOrDefault(s => NameComparison.NamesEqual(s.Tty, tty));
            if (exact is null)
            {
                return SessionChoice.None(SessionChoiceKind.NoSuchTerminal);
            }

            return exact.Preferences.Accepts(from) ? new SessionChoice(SessionChoiceKind.Chosen, [exact]) : SessionChoice.None(SessionChoiceKind.Refused);
        }

        if (tty is not null)
        {
            var hinted = sessions.FirstOrDefault(s => NameComparison.NamesEqual(s.Tty, tty) && s.Preferences.Accepts(from));
            if (hinted is not null)
            {
                return new SessionChoice(SessionChoiceKind.Chosen, [hinted]);
            }
        }

        var best = Best(sessions.Where(s => s.Preferences.Accepts(from)));
        return best is null ? SessionChoice.None(SessionChoiceKind.Refused) : new SessionChoice(SessionChoiceKind.Chosen, [best]);
    }

    /// <summary>The least idle session (latest activity), ties broken by the most recent login; null for none.</summary>
    public static SessionEntry? Best(IEnumerable<SessionEntry> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        SessionEntry? best = null;
        foreach (var s in sessions)
        {
            if (best is null
                || s.LastActivity > best.LastActivity
                || (s.LastActivity == best.LastActivity && s.LoginTime > best.LoginTime))
            {
                best = s;
            }
        }

        return best;
    }
}
