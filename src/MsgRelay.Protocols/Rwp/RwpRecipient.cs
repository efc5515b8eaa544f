namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The argument of <c>TO user[@host] [tty]</c>: a terminal forces that terminal, a terminal in
/// brackets (<c>TO alice [pts/3]</c>) is only a hint the server may ignore.
/// </summary>
/// <param name="User">User name, never empty.</param>
/// <param name="Host">Host or domain after <c>@</c>, or null when none was given.</param>
/// <param name="Tty">Terminal, without brackets, or null.</param>
/// <param name="TtyIsHint">True when <see cref="Tty"/> was written in brackets.</param>
public sealed record RwpRecipient(string User, string? Host = null, string? Tty = null, bool TtyIsHint = false)
{
    /// <summary>The address as written on the wire (<c>TO</c> argument form).</summary>
    public override string ToString()
    {
        var address = Host is null ? User : User + "@" + Host;
        if (Tty is null)
        {
            return address;
        }

        return TtyIsHint ? address + " [" + Tty + "]" : address + " " + Tty;
    }
}
