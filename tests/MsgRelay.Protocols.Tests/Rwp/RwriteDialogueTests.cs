using System.Buffers;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

/// <summary>
/// The reference client <c>rwrite</c> (PROTOCOLS.md section 5) against the session, bytes and all:
/// it waits for 100 before each command, sends TO before FROM, always VRFYs and goes on only on
/// 108/110, quotes the body, and writes LF-only lines in several pieces.
/// </summary>
public class RwriteDialogueTests
{
    [Fact]
    public void Rwrite_dialogue_delivers_the_quoted_body_with_ready_before_every_command()
    {
        var server = new FakeConnection();
        var transcript = new List<string>();

        Assert.EndsWith("100 Ready.\n", server.Greet(), StringComparison.Ordinal);
        Command(server, transcript, "TO bob tty3\n", "106");
        Command(server, transcript, "FROM alice\n", "105");
        Command(server, transcript, "FHST a.example\n", "111");
        var vrfy = Command(server, transcript, "VRFY\n", "108");
        Assert.Equal(new RwpEffect.Verify(new RwpRecipient("bob", null, "tty3"), false), vrfy);

        // rwrite sends DATA, waits for 200, then the body and the dot without waiting.
        var data = server.Receive("DATA\n");
        Assert.Equal("200 Enter message.  Single dot '.' on line terminates.\n", data.Written);
        var body = server.Receive(RwpQuoting.Encode("caf\u00E9 = 5\u20AC?") + "\n" + RwpQuoting.Encode(".") + "\n" + RwpQuoting.Encode("\tbye") + "\n.\n");
        Assert.Equal("107 Message ok.\n100 Ready.\n", body.Written);

        var send = Command(server, transcript, "SEND\n", "103");
        var envelope = Assert.IsType<RwpEffect.Send>(send).Envelope;
        Assert.Equal("alice", envelope.From);
        Assert.Equal("caf\u00E9 = 5??\r\n.\r\n\tbye", envelope.Body);

        var bye = server.Receive("BYE\n");
        Assert.Equal("101 Goodbye.\n", bye.Written);
        Assert.IsType<RwpEffect.Close>(bye.Effects.Single());
        Assert.Equal(["TO", "FROM", "FHST", "VRFY", "SEND"], transcript);
    }

    [Fact]
    public void Rwrite_stops_after_VRFY_when_the_recipient_is_not_logged_in()
    {
        var server = new FakeConnection { VerifyOutcome = RwpReplies.NotLoggedIn };
        server.Greet();
        server.Receive("TO nobody\n");
        server.Receive("FROM alice\n");

        var vrfy = server.Receive("VRFY\n");

        Assert.Equal("670 User not logged in.\n100 Ready.\n", vrfy.Written);
        Assert.Equal("101 Goodbye.\n", server.Receive("BYE\n").Written);
    }

    /// <summary>Sends a command in small pieces, as rwrite may, and checks the answer code and the trailing ready.</summary>
    private static RwpEffect? Command(FakeConnection server, List<string> transcript, string line, string expectedCode)
    {
        var result = server.ReceiveInPieces(line, pieceSize: 3);
        Assert.StartsWith(expectedCode + " ", result.Written, StringComparison.Ordinal);
        Assert.EndsWith("\n100 Ready.\n", result.Written, StringComparison.Ordinal);
        transcript.Add(line.Split(' ', '\n')[0]);
        return result.Effects.FirstOrDefault();
    }

    /// <summary>
    /// What the connection actor does with a session: reassemble lines from the byte stream,
    /// feed them, perform effects with canned outcomes and write those with ready.
    /// </summary>
    private sealed class FakeConnection
    {
        private readonly RwpSession _session = new(new RwpSessionSettings { LocalHost = "b.example" }, "192.0.2.1");
        private readonly RwpLineReader _lines = new();
        private byte[] _pending = [];

        public RwpReply VerifyOutcome { get; init; } = RwpReplies.RecipientOkToSend;

        public string Greet()
        {
            var output = new ArrayBufferWriter<byte>();
            _session.WriteGreeting(output);
            return Bytes.Text(output.WrittenSpan);
        }

        public (string Written, List<RwpEffect> Effects) ReceiveInPieces(string text, int pieceSize)
        {
            var bytes = Bytes.Of(text);
            var written = "";
            var effects = new List<RwpEffect>();
            for (var at = 0; at < bytes.Length; at += pieceSize)
            {
                var (w, e) = Receive(bytes[at..Math.Min(bytes.Length, at + pieceSize)]);
                written += w;
                effects.AddRange(e);
            }

            return (written, effects);
        }

        public (string Written, List<RwpEffect> Effects) Receive(string text) => Receive(Bytes.Of(text));

        private (string Written, List<RwpEffect> Effects) Receive(byte[] bytes)
        {
            _pending = [.. _pending, .. bytes];
            var buffer = new ReadOnlySequence<byte>(_pending);
            var output = new ArrayBufferWriter<byte>();
            var effects = new List<RwpEffect>();
            for (var guard = 0; guard < 100; guard++)
            {
                var line = _lines.Read(buffer);
                buffer = buffer.Slice(line.Consumed);
                if (line.Status == ReadStatus.Incomplete)
                {
                    break;
                }

                var step = line.IsTooLong ? _session.OnLineTooLong(output) : _session.OnLine(line.Line!, output);
                if (step.Effect == RwpEffect.None)
                {
                    continue;
                }

                effects.Add(step.Effect);
                switch (step.Effect)
                {
                    case RwpEffect.Verify:
                        RwpResponseWriter.WriteWithReady(output, VerifyOutcome);
                        break;
                    case RwpEffect.Send:
                        RwpResponseWriter.WriteWithReady(output, RwpReplies.Delivered);
                        break;
                }
            }

            _pending = buffer.ToArray();
            return (Bytes.Text(output.WrittenSpan), effects);
        }
    }
}
