using System.Buffers;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

/// <summary>Feeds lines to an <see cref="RwpSession"/> and keeps what it wrote, as text.</summary>
internal sealed class SessionDriver
{
    private readonly ArrayBufferWriter<byte> _output = new();

    public SessionDriver(RwpSessionSettings? settings = null, string peer = "10.0.0.7")
    {
        Session = new RwpSession(settings ?? new RwpSessionSettings { LocalHost = "relay.example" }, peer);
    }

    public RwpSession Session { get; }

    /// <summary>Feeds one line; returns the step and what was written for it.</summary>
    public (RwpStep Step, string Written) Feed(string line)
    {
        _output.Clear();
        var step = Session.OnLine(line, _output);
        return (step, Bytes.Text(_output.WrittenSpan));
    }

    /// <summary>Feeds one line and returns only what was written.</summary>
    public string Say(string line) => Feed(line).Written;

    public string TooLong()
    {
        _output.Clear();
        Session.OnLineTooLong(_output);
        return Bytes.Text(_output.WrittenSpan);
    }
}
