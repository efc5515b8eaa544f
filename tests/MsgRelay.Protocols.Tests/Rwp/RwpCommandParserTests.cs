using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpCommandParserTests
{
    [Theory]
    [InlineData("HELP", typeof(RwpCommand.Help))]
    [InlineData("help", typeof(RwpCommand.Help))]
    [InlineData("Ver", typeof(RwpCommand.Ver))]
    [InlineData("pRoT", typeof(RwpCommand.Prot))]
    [InlineData("data", typeof(RwpCommand.Data))]
    [InlineData("SEND", typeof(RwpCommand.Send))]
    [InlineData("vrfy", typeof(RwpCommand.Vrfy))]
    [InlineData("RSET", typeof(RwpCommand.Rset))]
    [InlineData("QUIT", typeof(RwpCommand.Quit))]
    [InlineData("bye", typeof(RwpCommand.Quit))]
    [InlineData("  HELP  ", typeof(RwpCommand.Help))]
    [InlineData("RSET now please", typeof(RwpCommand.Rset))]
    public void Commands_without_arguments_parse_case_insensitively(string line, Type expected)
    {
        Assert.True(RwpCommandParser.TryParse(line, out var command, out _));
        Assert.IsType(expected, command);
    }

    [Fact]
    public void HELO_keeps_its_optional_host()
    {
        Assert.Equal(new RwpCommand.Helo("client.example"), Parse("HELO client.example"));
        Assert.Equal(new RwpCommand.Helo(null), Parse("helo"));
    }

    [Fact]
    public void FROM_takes_exactly_one_user()
    {
        Assert.Equal(new RwpCommand.From("alice"), Parse("from\talice"));
        AssertSyntaxError("FROM");
        AssertSyntaxError("FROM alice bob");
    }

    [Theory]
    [InlineData("TO bob", "bob", null, null, false)]
    [InlineData("to bob@b.example", "bob", "b.example", null, false)]
    [InlineData("TO bob pts/3", "bob", null, "pts/3", false)]
    [InlineData("TO bob [pts/3]", "bob", null, "pts/3", true)]
    [InlineData("TO bob@b.example [tty1]", "bob", "b.example", "tty1", true)]
    [InlineData("TO  bob   console ", "bob", null, "console", false)]
    public void TO_parses_user_host_and_forced_or_hinted_terminal(string line, string user, string? host, string? tty, bool hint)
    {
        Assert.Equal(new RwpCommand.To(new RwpRecipient(user, host, tty, hint)), Parse(line));
    }

    [Theory]
    [InlineData("TO")]
    [InlineData("TO bob pts/3 extra")]
    [InlineData("TO @host")]
    [InlineData("TO bob@")]
    [InlineData("TO bob@a@b")]
    [InlineData("TO bob []")]
    [InlineData("TO bob [pts/3")]
    [InlineData("TO bob pts/3]")]
    [InlineData("TO bob [[pts/3]]")]
    [InlineData("TO [bob]")]
    public void Malformed_TO_is_a_syntax_error(string line) => AssertSyntaxError(line);

    [Fact]
    public void FHST_gives_the_origin_and_the_forwarders_in_order()
    {
        var command = Assert.IsType<RwpCommand.Fhst>(Parse("FHST a.example relay1.example relay2.example"));

        Assert.Equal("a.example", command.Path.Origin);
        Assert.Equal(["relay1.example", "relay2.example"], command.Path.Forwarders);
        Assert.Equal(new RwpHostPath("a.example"), Assert.IsType<RwpCommand.Fhst>(Parse("fhst A.EXAMPLE")).Path);
        AssertSyntaxError("FHST");
    }

    [Theory]
    [InlineData("FWDS 0", 0)]
    [InlineData("FWDS 3", 3)]
    [InlineData("fwds -1", -1)]
    [InlineData("FWDS 2147483647", int.MaxValue)]
    public void FWDS_accepts_counts_from_minus_one(string line, int count)
    {
        Assert.Equal(new RwpCommand.Fwds(count), Parse(line));
    }

    [Theory]
    [InlineData("FWDS")]
    [InlineData("FWDS -2")]
    [InlineData("FWDS x")]
    [InlineData("FWDS 1x")]
    [InlineData("FWDS +1")]
    [InlineData("FWDS 1 2")]
    [InlineData("FWDS --1")]
    [InlineData("FWDS -")]
    [InlineData("FWDS 99999999999")]
    [InlineData("FWDS \u0661")]
    public void FWDS_junk_or_below_minus_one_is_a_syntax_error(string line) => AssertSyntaxError(line);

    [Fact]
    public void QUOTE_upper_cases_the_name_and_keeps_the_rest_of_the_line_as_arguments()
    {
        Assert.Equal(new RwpCommand.Quote("AWAY", "gone  fishing"), Parse("quote away gone  fishing"));
        Assert.Equal(new RwpCommand.Quote("PING", ""), Parse("QUOTE ping"));
        Assert.Equal(new RwpCommand.Quote("AGENT", "alice tty7"), Parse("QUOTE Agent alice tty7 "));
        AssertSyntaxError("QUOTE");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("MAIL FROM:<a@b>")]
    [InlineData("HELPME")]
    [InlineData("FROM al\u001Bice")]
    [InlineData("FROM alice\r")]
    [InlineData("TO bob\u009B2J")]
    public void Empty_unknown_or_control_character_lines_are_syntax_errors(string line) => AssertSyntaxError(line);

    private static RwpCommand Parse(string line)
    {
        Assert.True(RwpCommandParser.TryParse(line, out var command, out var error), error);
        return command;
    }

    private static void AssertSyntaxError(string line)
    {
        Assert.False(RwpCommandParser.TryParse(line, out var command, out var error));
        Assert.Null(command);
        Assert.NotEmpty(error);
    }
}
