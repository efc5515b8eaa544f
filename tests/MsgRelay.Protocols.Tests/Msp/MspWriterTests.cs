using System.Buffers;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Protocols.Tests.Msp;

public class MspWriterTests
{
    [Fact]
    public void Version_1_message_encodes_revision_A_and_three_NUL_terminated_parts()
    {
        Assert.Equal(Bytes.Of("Abob\0tty1\0hi\0"), MspWriter.ToArray(MspMessage.V1("bob", "tty1", "hi")));
    }

    [Fact]
    public void Eight_bit_text_round_trips_through_writer_and_reader()
    {
        var message = new MspMessage(2, "j\u00FCrgen", "", "Gr\u00FC\u00DFe \u00FF", "ren\u00E9", "tty\u00E9", "c\u00E9", "s");

        var bytes = MspWriter.ToArray(message);
        var read = MspReader.Read(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(message, read.Message);
        Assert.Equal(MspWriter.GetEncodedLength(message), bytes.Length);
    }

    [Fact]
    public void Part_containing_NUL_cannot_be_written()
    {
        var message = MspMessage.V1("bob", "", "a\0b");

        Assert.Throws<ArgumentException>(() => MspWriter.ToArray(message));
    }

    [Fact]
    public void Message_over_511_octets_cannot_be_written_but_511_can()
    {
        var fits = MspMessage.V1("bob", "", new string('x', 511 - 1 - 4 - 1 - 1));
        var over = fits with { Body = fits.Body + "x" };

        Assert.Equal(511, MspWriter.ToArray(fits).Length);
        Assert.Throws<ArgumentException>(() => MspWriter.ToArray(over));
    }

    [Fact]
    public void Version_other_than_1_or_2_cannot_be_written()
    {
        Assert.Throws<ArgumentException>(() => MspWriter.ToArray(MspMessage.V1("a", "", "b") with { Version = 3 }));
    }

    [Theory]
    [InlineData(true, null, "+\0")]
    [InlineData(true, "", "+\0")]
    [InlineData(false, "User not logged in", "-User not logged in\0")]
    [InlineData(false, "bad\0text\r\n\x1B[2J", "-bad?text???[2J\0")]
    [InlineData(false, "caf\u00E9 \u20AC", "-caf\xE9 ?\0")]
    public void Reply_is_sign_sanitised_text_and_one_NUL(bool positive, string? text, string expected)
    {
        var output = new ArrayBufferWriter<byte>();

        MspWriter.WriteReply(output, positive, text);

        Assert.Equal(Bytes.Of(expected), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Reply_reader_reads_what_the_writer_wrote_across_every_split()
    {
        var output = new ArrayBufferWriter<byte>();
        MspWriter.WriteReply(output, false, "Message refused");
        MspWriter.WriteReply(output, true);
        var data = output.WrittenSpan.ToArray();

        foreach (var sequence in Segments.AllTwoWaySplits(data))
        {
            var first = MspReplyReader.Read(sequence);
            var second = MspReplyReader.Read(sequence.Slice(first.Consumed));

            Assert.Equal(new MspReply(false, "Message refused"), first.Reply);
            Assert.Equal(new MspReply(true, ""), second.Reply);
        }
    }

    [Fact]
    public void Reply_reader_waits_for_the_NUL_and_rejects_garbage_or_endless_text()
    {
        Assert.Equal(ReadStatus.Incomplete, MspReplyReader.Read(new ReadOnlySequence<byte>(Bytes.Of("-No"))).Status);
        Assert.Equal(ReadStatus.Incomplete, MspReplyReader.Read(ReadOnlySequence<byte>.Empty).Status);
        Assert.Equal(ReadStatus.Rejected, MspReplyReader.Read(new ReadOnlySequence<byte>(Bytes.Of("OK\0"))).Status);
        Assert.Equal(ReadStatus.Rejected, MspReplyReader.Read(new ReadOnlySequence<byte>(Bytes.Of("-" + new string('x', 600)))).Status);
    }
}
