using System.Buffers;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Protocols.Tests.Text;

public class TextTests
{
    [Fact]
    public void Latin1_decodes_every_octet_to_the_same_code_point_and_back()
    {
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        var text = Latin1.Decode(all);

        Assert.Equal(256, text.Length);
        Assert.All(Enumerable.Range(0, 256), i => Assert.Equal(i, text[i]));
        Assert.Equal(all, Latin1.Encode(text));
        Assert.Equal(text, Latin1.Decode(Segments.Split(all, 10, 200)));
    }

    [Fact]
    public void Latin1_writes_characters_outside_the_set_as_question_marks()
    {
        var output = new ArrayBufferWriter<byte>();

        Latin1.Write(output, "\u00E9\u20AC!");

        Assert.Equal(new byte[] { 0xE9, (byte)'?', (byte)'!' }, output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Names_compare_case_insensitively_including_8_bit_letters()
    {
        Assert.True(NameComparison.NamesEqual("Alice", "aLICE"));
        Assert.True(NameComparison.NamesEqual("REN\u00C9", "ren\u00E9"));
        Assert.False(NameComparison.NamesEqual("alice", "alic"));
        Assert.Equal(NameComparison.Comparer.GetHashCode("CONSOLE"), NameComparison.Comparer.GetHashCode("console"));
    }

    [Fact]
    public void Control_characters_are_C0_DEL_and_C1_only()
    {
        for (var c = 0; c < 256; c++)
        {
            var expected = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            Assert.True(expected == ControlCharacters.IsControl((char)c), $"0x{c:X2}");
        }
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("al\x07ice", "al^Gice")]
    [InlineData("\x1B[2J", "^[[2J")]
    [InlineData("a\tb\r\nc", "a^Ib^M^Jc")]
    [InlineData("del\x7F", "del^?")]
    [InlineData("csi\u009B2J", "csiM-^[2J")]
    [InlineData("\0", "^@")]
    [InlineData("ren\u00E9", "ren\u00E9")]
    public void Display_line_makes_every_control_code_visible(string input, string expected)
    {
        Assert.Equal(expected, Sanitiser.ForDisplayLine(input));
    }

    [Theory]
    [InlineData("Hi\r\nHow about lunch?", "Hi\nHow about lunch?")]
    [InlineData("a\tb\nc", "a\tb\nc")]
    [InlineData("fake\rprompt", "fake^Mprompt")]
    [InlineData("end\r", "end^M")]
    [InlineData("bell\x07\x1B]0;title\x07", "bell^G^[]0;title^G")]
    public void Display_text_keeps_line_breaks_and_tabs_and_shows_other_control_codes(string input, string expected)
    {
        Assert.Equal(expected, Sanitiser.ForDisplayText(input));
    }

    [Fact]
    public void Display_text_output_never_holds_a_control_code_other_than_LF_and_TAB()
    {
        var all = new string(Enumerable.Range(0, 256).Select(i => (char)i).ToArray());

        var shown = Sanitiser.ForDisplayText(all) + Sanitiser.ForDisplayLine(all);

        Assert.DoesNotContain(shown, c => ControlCharacters.IsControl(c) && c != '\n' && c != '\t');
        Assert.DoesNotContain(Sanitiser.ForDisplayLine(all), c => ControlCharacters.IsControl(c));
    }

    [Fact]
    public void Reply_text_replaces_control_codes_and_non_Latin1_with_question_marks()
    {
        Assert.Equal("a?b?c?", Sanitiser.ForReply("a\0b\nc\u20AC"));
        Assert.Equal("plain text", Sanitiser.ForReply("plain text"));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("one", new[] { "one" })]
    [InlineData("one\r\n", new[] { "one" })]
    [InlineData("one\r\ntwo", new[] { "one", "two" })]
    [InlineData("one\ntwo\n\nfour", new[] { "one", "two", "", "four" })]
    [InlineData("cr\rinside", new[] { "cr\rinside" })]
    [InlineData("\r\n", new[] { "" })]
    public void Message_lines_split_on_CRLF_or_LF_and_ignore_one_trailing_break(string body, string[] expected)
    {
        Assert.Equal(expected, MessageLines.Split(body));
    }
}
