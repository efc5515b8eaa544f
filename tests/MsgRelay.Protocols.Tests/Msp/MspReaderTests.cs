using System.Buffers;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Protocols.Tests.Msp;

public class MspReaderTests
{
    internal static readonly byte[] RfcExample = Bytes.Of("Bchris\0\0Hi\r\nHow about lunch?\0sandy\0console\0910806121325\0\0");

    private static readonly MspMessage RfcMessage = new(2, "chris", "", "Hi\r\nHow about lunch?", "sandy", "console", "910806121325", "");

    [Fact]
    public void Rfc1312_worked_example_is_57_octets_and_parses_to_its_seven_parts()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(RfcExample));

        Assert.Equal(57, RfcExample.Length);
        Assert.Equal(ReadStatus.Complete, result.Status);
        Assert.Equal(RfcMessage, result.Message);
        Assert.Equal(57, result.Length);
    }

    [Fact]
    public void Rfc1312_worked_example_reencodes_byte_for_byte()
    {
        var message = MspReader.Read(new ReadOnlySequence<byte>(RfcExample)).Message!;

        Assert.Equal(RfcExample, MspWriter.ToArray(message));
    }

    [Fact]
    public void Every_proper_prefix_of_a_message_is_incomplete_and_consumes_nothing()
    {
        for (var length = 0; length < RfcExample.Length; length++)
        {
            var prefix = new ReadOnlySequence<byte>(RfcExample, 0, length);
            var result = MspReader.Read(prefix);

            Assert.Equal(ReadStatus.Incomplete, result.Status);
            Assert.Equal(0, prefix.Slice(0, result.Consumed).Length);
        }
    }

    [Fact]
    public void Every_two_segment_split_reads_the_same_message_and_consumes_all_of_it()
    {
        foreach (var sequence in Segments.AllTwoWaySplits(RfcExample))
        {
            AssertReadsRfcMessage(sequence);
        }
    }

    [Fact]
    public void Every_three_segment_split_reads_the_same_message_and_consumes_all_of_it()
    {
        foreach (var sequence in Segments.AllThreeWaySplits(RfcExample))
        {
            AssertReadsRfcMessage(sequence);
        }
    }

    [Fact]
    public void Every_prefix_split_into_segments_is_incomplete()
    {
        for (var length = 0; length < RfcExample.Length; length++)
        {
            var prefix = RfcExample[..length];
            foreach (var sequence in Segments.AllTwoWaySplits(prefix))
            {
                Assert.Equal(ReadStatus.Incomplete, MspReader.Read(sequence).Status);
            }
        }
    }

    [Fact]
    public void A_second_message_on_the_same_connection_is_left_after_the_consumed_position()
    {
        var v1 = Bytes.Of("Aalice\0tty1\0hello\0");
        var data = RfcExample.Concat(v1).ToArray();
        var sequence = Segments.Split(data, 30, 60);

        var first = MspReader.Read(sequence);
        var rest = sequence.Slice(first.Consumed);
        var second = MspReader.Read(rest);

        Assert.Equal(RfcMessage, first.Message);
        Assert.Equal(MspMessage.V1("alice", "tty1", "hello"), second.Message);
        Assert.Equal(0, rest.Slice(second.Consumed).Length);
    }

    [Fact]
    public void Version_1_message_has_three_parts_and_empty_sender_cookie_and_signature()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(Bytes.Of("Abob\0\0Hi there\0")));

        Assert.Equal(ReadStatus.Complete, result.Status);
        Assert.Equal(new MspMessage(1, "bob", "", "Hi there", "", "", "", ""), result.Message);
        Assert.Equal(15, result.Length);
    }

    [Theory]
    [InlineData("C")]
    [InlineData("b")]
    [InlineData("HELO x\n")]
    [InlineData("\0")]
    public void Unknown_revision_octet_is_rejected_immediately_and_cannot_continue(string input)
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(Bytes.Of(input)));

        Assert.Equal(ReadStatus.Rejected, result.Status);
        Assert.Equal(MspRejection.UnknownRevision, result.Rejection);
        Assert.Equal("Unknown protocol revision", result.Reason);
        Assert.False(result.CanContinue);
    }

    [Fact]
    public void Message_of_exactly_511_octets_is_accepted()
    {
        var data = V2WithBodyLength(511);

        var result = MspReader.Read(Segments.Split(data, 255));

        Assert.Equal(511, data.Length);
        Assert.Equal(ReadStatus.Complete, result.Status);
        Assert.Equal(511, result.Length);
    }

    [Fact]
    public void Message_of_512_octets_is_rejected_as_too_long_once_512_octets_are_buffered()
    {
        var data = V2WithBodyLength(512);

        var at511 = MspReader.Read(new ReadOnlySequence<byte>(data, 0, 511));
        var at512 = MspReader.Read(new ReadOnlySequence<byte>(data, 0, 512));

        Assert.Equal(ReadStatus.Incomplete, at511.Status);
        Assert.Equal(ReadStatus.Rejected, at512.Status);
        Assert.Equal(MspRejection.TooLong, at512.Rejection);
        Assert.Equal("Message too long", at512.Reason);
        Assert.False(at512.CanContinue);
    }

    [Fact]
    public void A_stream_without_NULs_is_rejected_at_512_octets_whatever_follows()
    {
        var data = Bytes.Of("B" + new string('x', 600));

        Assert.Equal(ReadStatus.Incomplete, MspReader.Read(new ReadOnlySequence<byte>(data, 0, 511)).Status);
        Assert.Equal(MspRejection.TooLong, MspReader.Read(new ReadOnlySequence<byte>(data, 0, 512)).Rejection);
        Assert.Equal(MspRejection.TooLong, MspReader.Read(Segments.Split(data, 100, 300)).Rejection);
    }

    [Fact]
    public void Cookie_of_32_octets_is_accepted_and_33_rejected_with_the_message_skippable()
    {
        var ok = V2(cookie: new string('7', 32));
        var tooLong = V2(cookie: new string('7', 33));

        var accepted = MspReader.Read(new ReadOnlySequence<byte>(ok));
        var rejected = MspReader.Read(new ReadOnlySequence<byte>(tooLong));

        Assert.Equal(new string('7', 32), accepted.Message!.Cookie);
        Assert.Equal(MspRejection.CookieTooLong, rejected.Rejection);
        Assert.Equal("Cookie longer than 32 octets", rejected.Reason);
        Assert.True(rejected.CanContinue);
        Assert.Equal(tooLong.Length, rejected.Length);
    }

    [Fact]
    public void Empty_cookie_in_version_2_is_rejected_as_missing()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(V2(cookie: "")));

        Assert.Equal(ReadStatus.Rejected, result.Status);
        Assert.Equal(MspRejection.CookieMissing, result.Rejection);
        Assert.Equal("Cookie missing", result.Reason);
        Assert.True(result.CanContinue);
    }

    [Fact]
    public void Every_control_code_is_rejected_in_every_part_except_CR_LF_TAB_in_the_message()
    {
        string[] partNames = ["recipient", "recipient terminal", "message", "sender", "sender terminal", "cookie", "signature"];
        for (var code = 1; code < 256; code++)
        {
            var isControl = code < 0x20 || (code >= 0x7F && code <= 0x9F);
            for (var part = 0; part < 7; part++)
            {
                var parts = new[] { "chris", "", "Hi", "sandy", "console", "910806121325", "" };
                parts[part] += (char)code;
                var data = Bytes.Of("B" + string.Join('\0', parts) + "\0");

                var result = MspReader.Read(new ReadOnlySequence<byte>(data));

                var allowed = !isControl || (part == 2 && code is '\r' or '\n' or '\t');
                if (allowed)
                {
                    Assert.True(result.Status == ReadStatus.Complete, $"octet {code:X2} in {partNames[part]} should be accepted");
                    Assert.Equal(parts[part], PartOf(result.Message!, part));
                }
                else
                {
                    Assert.True(result.Rejection == MspRejection.ControlCharacter, $"octet {code:X2} in {partNames[part]} should be rejected");
                    Assert.Equal("Control character in " + partNames[part], result.Reason);
                    Assert.Equal(data.Length, result.Length);
                }
            }
        }
    }

    [Fact]
    public void Version_1_gets_the_same_control_code_check()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(Bytes.Of("Abob\0\0ring\x07\0")));

        Assert.Equal(MspRejection.ControlCharacter, result.Rejection);
        Assert.Equal("Control character in message", result.Reason);
    }

    [Fact]
    public void Eight_bit_text_is_decoded_as_ISO_8859_1_without_stripping_the_eighth_bit()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(Bytes.Of("Bj\xFCrgen\0\0Gr\xFC\xDF dich \xA0\xFF\0ren\xE9\0\0c1\0\0")));

        Assert.Equal("j\u00FCrgen", result.Message!.Recipient);
        Assert.Equal("Gr\u00FC\u00DF dich \u00A0\u00FF", result.Message.Body);
        Assert.Equal("ren\u00E9", result.Message.Sender);
    }

    [Fact]
    public void Empty_recipient_with_star_terminal_is_a_broadcast()
    {
        var result = MspReader.Read(new ReadOnlySequence<byte>(Bytes.Of("B\0*\0all hands\0op\0\0c\0\0")));

        Assert.True(result.Message!.IsBroadcast);
    }

    private static void AssertReadsRfcMessage(ReadOnlySequence<byte> sequence)
    {
        var result = MspReader.Read(sequence);
        Assert.Equal(ReadStatus.Complete, result.Status);
        Assert.Equal(RfcMessage, result.Message);
        Assert.Equal(0, sequence.Slice(result.Consumed).Length);
    }

    private static byte[] V2(string cookie) => Bytes.Of("Bchris\0\0Hi\0sandy\0console\0" + cookie + "\0\0");

    /// <summary>A valid version 2 message padded through its body to exactly <paramref name="total"/> octets.</summary>
    private static byte[] V2WithBodyLength(int total)
    {
        var fixedPart = "Bchris\0\0".Length + "\0sandy\0console\0c\0\0".Length;
        return Bytes.Of("Bchris\0\0" + new string('x', total - fixedPart) + "\0sandy\0console\0c\0\0");
    }

    private static string PartOf(MspMessage m, int part) => part switch
    {
        0 => m.Recipient,
        1 => m.RecipientTerminal,
        2 => m.Body,
        3 => m.Sender,
        4 => m.SenderTerminal,
        5 => m.Cookie,
        _ => m.Signature,
    };
}
