using System.Buffers;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Protocols.Tests.Msp;

/// <summary>Property-style: random valid messages survive writer, split buffers and reader unchanged.</summary>
public class MspRoundTripTests
{
    private const int Cases = 2000;

    [Fact]
    public void Random_valid_messages_round_trip_through_any_three_way_split()
    {
        var random = new Random(1312);
        for (var n = 0; n < Cases; n++)
        {
            var message = RandomMessage(random);
            var bytes = MspWriter.ToArray(message);
            var a = random.Next(bytes.Length + 1);
            var b = random.Next(a, bytes.Length + 1);

            var result = MspReader.Read(Segments.Split(bytes, a, b));

            Assert.True(result.Status == ReadStatus.Complete, $"case {n}: {result.Reason}");
            Assert.Equal(message, result.Message);
            Assert.Equal(bytes.Length, result.Length);
        }
    }

    [Fact]
    public void Random_messages_back_to_back_are_read_one_by_one()
    {
        var random = new Random(1159);
        var messages = Enumerable.Range(0, 200).Select(_ => RandomMessage(random)).ToList();
        var output = new ArrayBufferWriter<byte>();
        messages.ForEach(m => MspWriter.Write(output, m));
        var all = output.WrittenSpan.ToArray();
        var buffer = Segments.Split(all, all.Length / 3, all.Length / 2);

        var read = new List<MspMessage>();
        for (var guard = 0; guard < messages.Count + 1 && !buffer.IsEmpty; guard++)
        {
            var result = MspReader.Read(buffer);
            Assert.Equal(ReadStatus.Complete, result.Status);
            read.Add(result.Message!);
            buffer = buffer.Slice(result.Consumed);
        }

        Assert.Equal(messages, read);
    }

    private static MspMessage RandomMessage(Random random)
    {
        // Budget the parts so the encoding stays within 511 octets: 8 framing octets, cookie <= 32.
        var cookie = Text(random, 1 + random.Next(32), body: false);
        var remaining = MspMessage.MaxLength - 8 - cookie.Length;
        string Part(bool body)
        {
            var length = random.Next(Math.Min(remaining, body ? 300 : 40) + 1);
            remaining -= length;
            return Text(random, length, body);
        }

        var version = random.Next(4) == 0 ? 1 : 2;
        var recipient = Part(false);
        var terminal = Part(false);
        var text = Part(true);
        return version == 1
            ? MspMessage.V1(recipient, terminal, text)
            : new MspMessage(2, recipient, terminal, text, Part(false), Part(false), cookie, Part(false));
    }

    private static string Text(Random random, int length, bool body)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = body && random.Next(10) == 0
                ? "\r\n\t"[random.Next(3)]
                : random.Next(2) == 0 ? (char)random.Next(0x20, 0x7F) : (char)random.Next(0xA0, 0x100);
        }

        return new string(chars);
    }
}
