using System.Buffers;

namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// The server side of one RWP dialogue as a pure state machine, so the connection actor only
/// moves bytes: it feeds lines (from <see cref="RwpLineReader"/>), the session writes the answers
/// it can give by itself and returns an <see cref="RwpEffect"/> for the rest.
/// </summary>
/// <remarks>
/// <para>Answered here: HELP, HELO, VER, PROT, FROM, TO, FHST, FWDS (110, or 676 at the hop
/// limit), DATA and its body (107, 672, 698), RSET, QUIT/BYE, syntax errors (668), and SEND or
/// VRFY that lack FROM/TO/DATA (673/674/675). Left to the caller as effects: SEND, VRFY, QUOTE.</para>
/// <para>FROM, TO, FHST, FWDS and the body stay after SEND, as in the reference server; a client
/// sending several messages on one connection changes what differs or sends RSET.</para>
/// </remarks>
public sealed class RwpSession
{
    private readonly RwpSessionSettings _settings;
    private readonly string _peerHost;
    private RwpDataReader? _data;

    /// <summary>Creates the session for one connection (or datagram) from <paramref name="peerHost"/>.</summary>
    public RwpSession(RwpSessionSettings settings, string peerHost)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(peerHost);
        _settings = settings;
        _peerHost = peerHost;
    }

    /// <summary>Commands, body lines, or closed.</summary>
    public RwpSessionState State { get; private set; } = RwpSessionState.Commands;

    /// <summary>FROM, if given since the last RSET.</summary>
    public string? From { get; private set; }

    /// <summary>TO, if given since the last RSET.</summary>
    public RwpRecipient? To { get; private set; }

    /// <summary>FHST, if given since the last RSET.</summary>
    public RwpHostPath? HostPath { get; private set; }

    /// <summary>FWDS, if given since the last RSET.</summary>
    public int? ForwardCount { get; private set; }

    /// <summary>The accepted DATA body, if any.</summary>
    public string? Body { get; private set; }

    /// <summary>True when FWDS forbids forwarding: at or over the hop limit, or -1 (an autoreply).</summary>
    public bool LocalOnly => ForwardCount is { } n && (n < 0 || n >= _settings.MaxHops);

    /// <summary>Writes the TCP greeting (500, 501, 502, 100). Not used on UDP.</summary>
    public void WriteGreeting(IBufferWriter<byte> output) =>
        RwpResponseWriter.WriteGreeting(output, _peerHost, _settings.LocalHost, _settings.ServerVersion);

    /// <summary>Feeds one complete line (as read by <see cref="RwpLineReader"/>).</summary>
    public RwpStep OnLine(string line, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(output);
        switch (State)
        {
            case RwpSessionState.Closed:
                return new RwpStep(RwpEffect.None, null);
            case RwpSessionState.Data:
                return OnBodyLine(line, output);
        }

        if (!RwpCommandParser.TryParse(line, out var command, out _))
        {
            return Answer(output, RwpReplies.SyntaxError);
        }

        return command switch
        {
            RwpCommand.Help => OnHelp(output),
            RwpCommand.Helo => Answer(output, RwpReplies.Hello(_peerHost, _settings.LocalHost)),
            RwpCommand.Ver => Answer(output, RwpReplies.Version(_settings.ServerVersion)),
            RwpCommand.Prot => Answer(output, RwpReplies.ProtocolVersion),
            RwpCommand.From from => OnFrom(from, output),
            RwpCommand.To to => OnTo(to, output),
            RwpCommand.Fhst fhst => OnFhst(fhst, output),
            RwpCommand.Fwds fwds => OnFwds(fwds, output),
            RwpCommand.Data => OnData(output),
            RwpCommand.Send => OnSend(output),
            RwpCommand.Vrfy => OnVrfy(output),
            RwpCommand.Rset => OnRset(output),
            RwpCommand.Quit => OnQuit(output),
            RwpCommand.Quote quote => new RwpStep(new RwpEffect.Quote(quote.Name, quote.Arguments), null),
            _ => Answer(output, RwpReplies.SyntaxError),
        };
    }

    /// <summary>
    /// Feeds the fact that <see cref="RwpLineReader"/> rejected a line as too long: a syntax error
    /// for a command, an oversize body (reported at the dot) in DATA.
    /// </summary>
    public RwpStep OnLineTooLong(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (State)
        {
            case RwpSessionState.Closed:
                return new RwpStep(RwpEffect.None, null);
            case RwpSessionState.Data:
                _data!.AddTooLongLine();
                return new RwpStep(RwpEffect.None, null);
            default:
                return Answer(output, RwpReplies.SyntaxError);
        }
    }

    private static RwpStep Answer(IBufferWriter<byte> output, RwpReply reply)
    {
        RwpResponseWriter.WriteWithReady(output, reply);
        return new RwpStep(RwpEffect.None, reply);
    }

    private static RwpStep OnHelp(IBufferWriter<byte> output)
    {
        RwpResponseWriter.WriteHelp(output);
        return new RwpStep(RwpEffect.None, new RwpReply(RwpReplies.HelpCode, RwpReplies.HelpLines[0]));
    }

    private RwpStep OnFrom(RwpCommand.From from, IBufferWriter<byte> output)
    {
        From = from.User;
        return Answer(output, RwpReplies.SenderOk);
    }

    private RwpStep OnTo(RwpCommand.To to, IBufferWriter<byte> output)
    {
        To = to.Recipient;
        return Answer(output, RwpReplies.RecipientOk);
    }

    private RwpStep OnFhst(RwpCommand.Fhst fhst, IBufferWriter<byte> output)
    {
        HostPath = fhst.Path;
        return Answer(output, RwpReplies.OriginalHostOk);
    }

    private RwpStep OnFwds(RwpCommand.Fwds fwds, IBufferWriter<byte> output)
    {
        // Over the limit the client may still SEND: the envelope then says LocalOnly.
        ForwardCount = fwds.Count;
        return Answer(output, fwds.Count >= _settings.MaxHops ? RwpReplies.ForwardLimitExceeded : RwpReplies.ForwardCountOk);
    }

    private RwpStep OnData(IBufferWriter<byte> output)
    {
        _data = new RwpDataReader(_settings.MaxBodyLines, _settings.MaxBodyBytes);
        State = RwpSessionState.Data;
        RwpResponseWriter.Write(output, RwpReplies.EnterMessage);
        return new RwpStep(RwpEffect.None, RwpReplies.EnterMessage);
    }

    private RwpStep OnBodyLine(string line, IBufferWriter<byte> output)
    {
        var status = _data!.Add(line);
        if (status == RwpDataStatus.Collecting)
        {
            return new RwpStep(RwpEffect.None, null);
        }

        State = RwpSessionState.Commands;
        Body = status == RwpDataStatus.Complete ? _data.Body : null;
        _data = null;
        return Answer(output, status switch
        {
            RwpDataStatus.Complete => RwpReplies.MessageOk,
            RwpDataStatus.Empty => RwpReplies.NoMessage,
            RwpDataStatus.TooManyLines => RwpReplies.TooManyLines,
            _ => RwpReplies.MessageTooLong,
        });
    }

    private RwpStep OnSend(IBufferWriter<byte> output)
    {
        if (From is null)
        {
            return Answer(output, RwpReplies.SenderMissing);
        }

        if (To is null)
        {
            return Answer(output, RwpReplies.RecipientMissing);
        }

        if (Body is null)
        {
            return Answer(output, RwpReplies.MessageMissing);
        }

        var envelope = new RwpEnvelope(From, To, Body)
        {
            HostPath = HostPath,
            ForwardCount = ForwardCount,
            LocalOnly = LocalOnly,
        };
        return new RwpStep(new RwpEffect.Send(envelope), null);
    }

    private RwpStep OnVrfy(IBufferWriter<byte> output) =>
        To is null
            ? Answer(output, RwpReplies.RecipientMissing)
            : new RwpStep(new RwpEffect.Verify(To, LocalOnly), null);

    private RwpStep OnRset(IBufferWriter<byte> output)
    {
        From = null;
        To = null;
        HostPath = null;
        ForwardCount = null;
        Body = null;
        return Answer(output, RwpReplies.RsetOk);
    }

    private RwpStep OnQuit(IBufferWriter<byte> output)
    {
        State = RwpSessionState.Closed;
        RwpResponseWriter.Write(output, RwpReplies.Goodbye);
        return new RwpStep(new RwpEffect.Close(), RwpReplies.Goodbye);
    }
}
