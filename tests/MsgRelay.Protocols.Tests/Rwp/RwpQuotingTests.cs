using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpQuotingTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a=b", "a=3Db")]
    [InlineData(".", "=2E")]
    [InlineData("..", "..")]
    [InlineData(". ", ". ")]
    [InlineData("bell\x07", "bell=07")]
    [InlineData("tab\there", "tab=09here")]
    [InlineData("del\x7F", "del=7F")]
    [InlineData("caf\u00E9", "caf=E9")]
    [InlineData("\u00FF", "=FF")]
    [InlineData("<b>", "<b>")]
    [InlineData("euro \u20AC", "euro ?")]
    [InlineData("", "")]
    public void Encode_quotes_equals_lone_dot_control_and_8_bit_octets_like_rwrite(string line, string expected)
    {
        Assert.Equal(expected, RwpQuoting.Encode(line));
    }

    [Fact]
    public void Encoded_line_holds_only_printable_ASCII_and_is_never_a_lone_dot()
    {
        for (var c = 0; c < 256; c++)
        {
            foreach (var line in new[] { ((char)c).ToString(), "x" + (char)c + "y" })
            {
                var encoded = RwpQuoting.Encode(line);

                Assert.All(encoded, ch => Assert.InRange(ch, ' ', '~'));
                Assert.NotEqual(".", encoded);
            }
        }
    }

    [Fact]
    public void Every_octet_value_round_trips_alone_and_in_context()
    {
        for (var c = 0; c < 256; c++)
        {
            foreach (var line in new[] { ((char)c).ToString(), "a" + (char)c + "b", new string((char)c, 3), "=" + (char)c })
            {
                Assert.Equal(line, RwpQuoting.Decode(RwpQuoting.Encode(line)));
                Assert.Equal(line, RwpQuoting.Decode(RwpQuoting.EncodeForResponse(line)));
            }
        }
    }

    [Fact]
    public void Every_pair_of_octet_values_round_trips()
    {
        var pair = new char[2];
        for (var a = 0; a < 256; a++)
        {
            for (var b = 0; b < 256; b++)
            {
                pair[0] = (char)a;
                pair[1] = (char)b;
                var line = new string(pair);
                Assert.Equal(line, RwpQuoting.Decode(RwpQuoting.Encode(line)));
            }
        }
    }

    [Theory]
    [InlineData("=41=42", "AB")]
    [InlineData("=e9t=E9", "\u00E9t\u00E9")]
    [InlineData("=3D=2E", "=.")]
    [InlineData("=2E", ".")]
    [InlineData("a=", "a=")]
    [InlineData("a=4", "a=4")]
    [InlineData("=G1", "=G1")]
    [InlineData("=4G", "=4G")]
    [InlineData("==41", "=A")]
    [InlineData("1+1=2", "1+1=2")]
    [InlineData("x = y", "x = y")]
    [InlineData("=00", "\0")]
    public void Decode_takes_hex_pairs_in_either_case_and_keeps_malformed_sequences_literally(string line, string expected)
    {
        Assert.Equal(expected, RwpQuoting.Decode(line));
    }

    [Fact]
    public void Response_encoding_also_quotes_angle_brackets()
    {
        Assert.Equal("=3Cb=3E bold", RwpQuoting.EncodeForResponse("<b> bold"));
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("", "-")]
    [InlineData("-", "=2D")]
    [InlineData("sandy smith", "sandy=20smith")]
    [InlineData("a@b", "a=40b")]
    [InlineData("pts/1", "pts/1")]
    [InlineData("-x", "-x")]
    public void Header_words_quote_separators_and_mark_empty_as_dash(string word, string expected)
    {
        var encoded = RwpQuoting.EncodeWord(word);

        Assert.Equal(expected, encoded);
        Assert.Equal(word, RwpQuoting.DecodeWord(encoded));
    }
}
