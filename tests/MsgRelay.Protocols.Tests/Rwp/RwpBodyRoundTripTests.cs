using System.Buffers;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Tests.Rwp;

/// <summary>Property-style: any body a client quotes arrives in the envelope exactly, whatever the TCP pieces.</summary>
public class RwpBodyRoundTripTests
{
    [Fact]
    public void Random_8_bit_bodies_quoted_by_the_client_arrive_unchanged_in_the_envelope()
    {
        var random = new Random(1756);
        for (var n = 0; n < 300; n++)
        {
            var lines = Enumerable.Range(0, 1 + random.Next(5)).Select(_ => RandomLine(random)).ToList();
            if (MessageLines.Join(lines).Length == 0)
            {
                lines[0] = "x";
            }

            var stream = "FROM a\nTO b\nDATA\n" + string.Concat(lines.Select(l => RwpQuoting.Encode(l) + "\n")) + ".\nSEND\n";

            var envelope = RunInRandomPieces(Bytes.Of(stream), random);

            Assert.Equal(MessageLines.Join(lines), envelope.Body);
        }
    }

    private static string RandomLine(Random random)
    {
        var chars = new char[random.Next(30)];
        for (var i = 0; i < chars.Length; i++)
        {
            // Any octet except the line breaks, which cannot be inside a line.
            char c;
            do
            {
                c = (char)random.Next(256);
            }
            while (c is '\r' or '\n');

            chars[i] = c;
        }

        return random.Next(20) == 0 ? "." : new string(chars);
    }

    private static RwpEnvelope RunInRandomPieces(byte[] stream, Random random)
    {
        var session = new RwpSession(new RwpSessionSettings(), "h");
        var reader = new RwpLineReader();
        var output = new ArrayBufferWriter<byte>();
        var pending = Array.Empty<byte>();
        RwpEnvelope? envelope = null;
        for (var at = 0; at < stream.Length;)
        {
            var take = Math.Min(stream.Length - at, 1 + random.Next(12));
            pending = [.. pending, .. stream.AsSpan(at, take)];
            at += take;
            var buffer = new ReadOnlySequence<byte>(pending);
            for (var guard = 0; guard < 100; guard++)
            {
                var line = reader.Read(buffer);
                buffer = buffer.Slice(line.Consumed);
                if (line.Status != ReadStatus.Complete)
                {
                    Assert.Equal(ReadStatus.Incomplete, line.Status);
                    break;
                }

                if (session.OnLine(line.Line!, output).Effect is RwpEffect.Send send)
                {
                    envelope = send.Envelope;
                }
            }

            pending = buffer.ToArray();
        }

        Assert.NotNull(envelope);
        return envelope;
    }
}
