using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// Parses one RWP command line (already split off by <see cref="RwpLineReader"/>). Verbs are
/// case-insensitive; arguments are separated by spaces or TABs.
/// </summary>
/// <remarks>
/// Decisions: a line holding a control code (other than TAB) is a syntax error, because its
/// arguments are names that end up on terminals. Commands that take no argument ignore extra
/// words, as the reference server does, so odd clients still work; commands whose arguments carry
/// meaning (FROM, TO, FHST, FWDS, QUOTE) are strict.
/// </remarks>
public static class RwpCommandParser
{
    private static readonly RwpCommand.Help HelpCommand = new();
    private static readonly RwpCommand.Ver VerCommand = new();
    private static readonly RwpCommand.Prot ProtCommand = new();
    private static readonly RwpCommand.Data DataCommand = new();
    private static readonly RwpCommand.Send SendCommand = new();
    private static readonly RwpCommand.Vrfy VrfyCommand = new();
    private static readonly RwpCommand.Rset RsetCommand = new();
    private static readonly RwpCommand.Quit QuitCommand = new();

    /// <summary>
    /// Parses <paramref name="line"/>. On failure <paramref name="error"/> is a short explanation
    /// for the log; the answer on the wire is always 668.
    /// </summary>
    public static bool TryParse(string line, [NotNullWhen(true)] out RwpCommand? command, out string error)
    {
        ArgumentNullException.ThrowIfNull(line);
        command = null;
        if (ControlCharacters.ContainsAnyExceptTab(line))
        {
            error = "control character in command line";
            return false;
        }

        var rest = line.AsSpan().Trim(" \t");
        var verb = NextWord(ref rest);
        if (verb.IsEmpty)
        {
            error = "empty command line";
            return false;
        }

        command = verb.Length switch
        {
            2 when Is(verb, "TO") => ParseTo(rest, out error),
            3 when Is(verb, "VER") => Ok(VerCommand, out error),
            3 when Is(verb, "BYE") => Ok(QuitCommand, out error),
            4 when Is(verb, "HELP") => Ok(HelpCommand, out error),
            4 when Is(verb, "HELO") => Ok(new RwpCommand.Helo(rest.IsEmpty ? null : NextWord(ref rest).ToString()), out error),
            4 when Is(verb, "PROT") => Ok(ProtCommand, out error),
            4 when Is(verb, "FROM") => ParseFrom(rest, out error),
            4 when Is(verb, "FHST") => ParseFhst(rest, out error),
            4 when Is(verb, "FWDS") => ParseFwds(rest, out error),
            4 when Is(verb, "DATA") => Ok(DataCommand, out error),
            4 when Is(verb, "SEND") => Ok(SendCommand, out error),
            4 when Is(verb, "VRFY") => Ok(VrfyCommand, out error),
            4 when Is(verb, "RSET") => Ok(RsetCommand, out error),
            4 when Is(verb, "QUIT") => Ok(QuitCommand, out error),
            5 when Is(verb, "QUOTE") => ParseQuote(rest, out error),
            _ => Fail("unknown command", out error),
        };
        return command is not null;
    }

    private static RwpCommand? ParseFrom(ReadOnlySpan<char> rest, out string error)
    {
        var user = NextWord(ref rest);
        if (user.IsEmpty || !rest.IsEmpty)
        {
            return Fail("FROM needs exactly one user name", out error);
        }

        return Ok(new RwpCommand.From(user.ToString()), out error);
    }

    private static RwpCommand? ParseTo(ReadOnlySpan<char> rest, out string error)
    {
        var address = NextWord(ref rest);
        var tty = NextWord(ref rest);
        if (address.IsEmpty || !rest.IsEmpty)
        {
            return Fail("TO needs a user and at most one terminal", out error);
        }

        if (address.ContainsAny('[', ']'))
        {
            return Fail("TO user name with brackets", out error);
        }

        string user;
        string? host = null;
        var at = address.IndexOf('@');
        if (at >= 0)
        {
            var hostPart = address[(at + 1)..];
            if (at == 0 || hostPart.IsEmpty || hostPart.Contains('@'))
            {
                return Fail("TO address must be user or user@host", out error);
            }

            user = address[..at].ToString();
            host = hostPart.ToString();
        }
        else
        {
            user = address.ToString();
        }

        if (tty.IsEmpty)
        {
            return Ok(new RwpCommand.To(new RwpRecipient(user, host)), out error);
        }

        var hint = tty[0] == '[';
        if (hint)
        {
            if (tty.Length < 3 || tty[^1] != ']')
            {
                return Fail("TO terminal hint must be [tty]", out error);
            }

            tty = tty[1..^1];
        }

        if (tty.ContainsAny('[', ']'))
        {
            return Fail("TO terminal with stray brackets", out error);
        }

        return Ok(new RwpCommand.To(new RwpRecipient(user, host, tty.ToString(), hint)), out error);
    }

    private static RwpCommand? ParseFhst(ReadOnlySpan<char> rest, out string error)
    {
        var origin = NextWord(ref rest);
        if (origin.IsEmpty)
        {
            return Fail("FHST needs the original host", out error);
        }

        var forwarders = new List<string>();
        for (var word = NextWord(ref rest); !word.IsEmpty; word = NextWord(ref rest))
        {
            forwarders.Add(word.ToString());
        }

        return Ok(new RwpCommand.Fhst(new RwpHostPath(origin.ToString(), forwarders)), out error);
    }

    private static RwpCommand? ParseFwds(ReadOnlySpan<char> rest, out string error)
    {
        var word = NextWord(ref rest);
        if (word.IsEmpty || !rest.IsEmpty)
        {
            return Fail("FWDS needs exactly one number", out error);
        }

        // Digits with an optional minus only: no '+', no spaces, no thousands separators.
        var digits = word[0] == '-' ? word[1..] : word;
        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9')
            || !int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            return Fail("FWDS count is not a number", out error);
        }

        if (count < -1)
        {
            return Fail("FWDS count below -1", out error);
        }

        return Ok(new RwpCommand.Fwds(count), out error);
    }

    private static RwpCommand? ParseQuote(ReadOnlySpan<char> rest, out string error)
    {
        var name = NextWord(ref rest);
        if (name.IsEmpty)
        {
            return Fail("QUOTE needs a command name", out error);
        }

        return Ok(new RwpCommand.Quote(name.ToString().ToUpperInvariant(), rest.ToString()), out error);
    }

    /// <summary>Cuts the next space- or TAB-separated word off <paramref name="rest"/>; empty when none is left.</summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(" \t");
        var end = rest.IndexOfAny(' ', '\t');
        ReadOnlySpan<char> word;
        if (end < 0)
        {
            word = rest;
            rest = [];
        }
        else
        {
            word = rest[..end];
            rest = rest[end..].TrimStart(" \t");
        }

        return word;
    }

    private static bool Is(ReadOnlySpan<char> verb, string name) => verb.Equals(name, StringComparison.OrdinalIgnoreCase);

    private static RwpCommand Ok(RwpCommand command, out string error)
    {
        error = string.Empty;
        return command;
    }

    private static RwpCommand? Fail(string reason, out string error)
    {
        error = reason;
        return null;
    }
}
