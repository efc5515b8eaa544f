namespace MsgRelay.Protocols.Rwp;

/// <summary>One parsed RWP command line (RFC 1756). <see cref="RwpCommandParser"/> makes them.</summary>
public abstract record RwpCommand
{
    private protected RwpCommand()
    {
    }

    /// <summary><c>HELP</c>: list the commands (510 lines).</summary>
    public sealed record Help : RwpCommand;

    /// <summary><c>HELO [host]</c>: greeting; the argument, if any, is informational only.</summary>
    public sealed record Helo(string? Host) : RwpCommand;

    /// <summary><c>VER</c>: server name and version (501).</summary>
    public sealed record Ver : RwpCommand;

    /// <summary><c>PROT</c>: protocol version (502).</summary>
    public sealed record Prot : RwpCommand;

    /// <summary><c>FROM user</c>.</summary>
    public sealed record From(string User) : RwpCommand;

    /// <summary><c>TO user[@host] [tty]</c> or <c>TO user[@host] [[tty]]</c>.</summary>
    public sealed record To(RwpRecipient Recipient) : RwpCommand;

    /// <summary><c>FHST host [fwd1 fwd2 ...]</c>.</summary>
    public sealed record Fhst(RwpHostPath Path) : RwpCommand;

    /// <summary><c>FWDS n</c>, n &gt;= -1; -1 marks an autoreply.</summary>
    public sealed record Fwds(int Count) : RwpCommand;

    /// <summary><c>DATA</c>: body lines follow, ended by a lone <c>.</c>.</summary>
    public sealed record Data : RwpCommand;

    /// <summary><c>SEND</c>: deliver what FROM, TO and DATA gave.</summary>
    public sealed record Send : RwpCommand;

    /// <summary><c>VRFY</c>: can the current TO be delivered?</summary>
    public sealed record Vrfy : RwpCommand;

    /// <summary><c>RSET</c>: forget FROM, TO, DATA, FWDS and FHST.</summary>
    public sealed record Rset : RwpCommand;

    /// <summary><c>QUIT</c> or <c>BYE</c>.</summary>
    public sealed record Quit : RwpCommand;

    /// <summary><c>QUOTE cmd [args]</c>: <paramref name="Name"/> upper-cased, <paramref name="Arguments"/> the rest of the line.</summary>
    public sealed record Quote(string Name, string Arguments) : RwpCommand;
}
