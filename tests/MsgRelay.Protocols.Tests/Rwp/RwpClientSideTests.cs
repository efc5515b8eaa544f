using System.Buffers;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpClientSideTests
{
    [Theory]
    [InlineData("100 Ready.", 100, "Ready.")]
    [InlineData("110 Recipient ok to forward <bob@b.example>.", 110, "Recipient ok to forward <bob@b.example>.")]
    [InlineData("101", 101, "")]
    [InlineData("555 |away", 555, "|away")]
    public void Response_lines_split_into_code_and_text(string line, int code, string text)
    {
        Assert.True(RwpResponseParser.TryParse(line, out var reply));
        Assert.Equal(new RwpReply(code, text), reply);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10 Ready.")]
    [InlineData("1000 x")]
    [InlineData("abc Ready.")]
    [InlineData("100-Ready.")]
    public void Malformed_response_lines_are_refused(string line)
    {
        Assert.False(RwpResponseParser.TryParse(line, out _));
    }

    [Theory]
    [InlineData(300, "|gone =3D back at 3", "gone = back at 3")]
    [InlineData(555, "|gone", "gone")]
    [InlineData(556, "no bar", "no bar")]
    public void Autoreply_lines_of_RFC_and_reference_codes_are_decoded(int code, string text, string expected)
    {
        Assert.True(RwpResponseParser.TryGetAutoreplyText(new RwpReply(code, text), out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void Non_autoreply_codes_carry_no_autoreply_text()
    {
        Assert.False(RwpResponseParser.TryGetAutoreplyText(RwpReplies.Delivered, out _));
    }

    [Fact]
    public void Agent_delivery_written_by_the_server_is_read_back_by_the_agent()
    {
        var sent = new RwpAgentDelivery("d-1", "sandy smith", "a.example", "", 2, 1700000000123, "Hi\r\n.\r\n<tag> x=1\r\n\x1B[2J");
        var output = new ArrayBufferWriter<byte>();
        RwpResponseWriter.WriteAgentDelivery(output, sent);
        var reader = new RwpAgentDeliveryReader();

        var received = new List<RwpAgentDelivery>();
        foreach (var line in Bytes.Text(output.WrittenSpan).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(RwpResponseParser.TryParse(line, out var reply));
            if (reader.Add(reply) is { } delivery)
            {
                received.Add(delivery);
            }
        }

        Assert.Equal(sent, Assert.Single(received));
        Assert.False(reader.InBlock);
    }

    [Fact]
    public void Information_lines_outside_a_block_and_other_codes_are_ignored()
    {
        var reader = new RwpAgentDeliveryReader();

        Assert.Null(reader.Add(new RwpReply(511, "Server restarting soon")));
        Assert.False(reader.InBlock);
        Assert.Null(reader.Add(RwpReplies.Ready));
        Assert.Null(reader.Add(new RwpReply(511, "MSG 1 a@h - 0 5")));
        Assert.True(reader.InBlock);
        Assert.Null(reader.Add(new RwpReply(511, "|hi")));
        Assert.Equal(new RwpAgentDelivery("1", "a", "h", "", 0, 5, "hi"), reader.Add(new RwpReply(511, ".")));
    }

    [Theory]
    [InlineData("MSG 1 ah - 0 5")]
    [InlineData("MSG 1 a@h - x 5")]
    [InlineData("MSG 1 a@h - 0")]
    [InlineData("NOTE 1 a@h - 0 5")]
    public void Malformed_delivery_headers_are_not_deliveries(string header)
    {
        Assert.Null(RwpAgentDeliveryReader.TryParseHeader(header));
    }
}
