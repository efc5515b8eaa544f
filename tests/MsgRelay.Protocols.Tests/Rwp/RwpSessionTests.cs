using System.Buffers;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpSessionTests
{
    [Fact]
    public void Greeting_names_peer_and_server_then_says_ready()
    {
        var session = new RwpSession(new RwpSessionSettings { LocalHost = "relay.example", ServerVersion = "MsgRelay 1.0." }, "10.0.0.7");
        var output = new ArrayBufferWriter<byte>();

        session.WriteGreeting(output);

        Assert.Equal(
            "500 Hello 10.0.0.7. This is relay.example speaking.\n501 MsgRelay 1.0.\n502 RWP version 1.0.\n100 Ready.\n",
            Bytes.Text(output.WrittenSpan));
    }

    [Theory]
    [InlineData("HELO client", "500 Hello 10.0.0.7. This is relay.example speaking.\n100 Ready.\n")]
    [InlineData("PROT", "502 RWP version 1.0.\n100 Ready.\n")]
    [InlineData("FROM alice", "105 Sender ok.\n100 Ready.\n")]
    [InlineData("TO bob", "106 Recipient ok.\n100 Ready.\n")]
    [InlineData("FHST a.example", "111 Original sender host ok.\n100 Ready.\n")]
    [InlineData("FWDS 2", "110 Forward count ok.\n100 Ready.\n")]
    [InlineData("RSET", "109 RSET ok.\n100 Ready.\n")]
    [InlineData("DATA", "200 Enter message.  Single dot '.' on line terminates.\n")]
    [InlineData("BYE", "101 Goodbye.\n")]
    [InlineData("QUIT", "101 Goodbye.\n")]
    [InlineData("NONSENSE", "668 Syntax error.\n100 Ready.\n")]
    [InlineData("FWDS -2", "668 Syntax error.\n100 Ready.\n")]
    [InlineData("FWDS many", "668 Syntax error.\n100 Ready.\n")]
    [InlineData("", "668 Syntax error.\n100 Ready.\n")]
    public void Local_commands_are_answered_with_their_reply_and_ready(string line, string expected)
    {
        Assert.Equal(expected, new SessionDriver().Say(line));
    }

    [Fact]
    public void VER_answers_501_with_the_configured_version()
    {
        var driver = new SessionDriver(new RwpSessionSettings { ServerVersion = "MsgRelay 0.9 (test)." });

        Assert.Equal("501 MsgRelay 0.9 (test).\n100 Ready.\n", driver.Say("ver"));
    }

    [Fact]
    public void HELP_lists_the_commands_as_510_lines_and_says_ready()
    {
        var (step, written) = new SessionDriver().Feed("HELP");

        Assert.Equal(510, step.ReplyCode);
        Assert.StartsWith("510 Valid commands are:\n", written, StringComparison.Ordinal);
        Assert.EndsWith("\n100 Ready.\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void SEND_with_FROM_TO_and_DATA_returns_the_envelope_and_writes_nothing()
    {
        var driver = new SessionDriver();
        driver.Say("FROM alice");
        driver.Say("TO bob@b.example [pts/2]");
        driver.Say("FHST a.example relay.a.example");
        driver.Say("DATA");
        Assert.Equal("", driver.Say("Hi=2C bob"));
        Assert.Equal("", driver.Say("x =3D 1"));
        Assert.Equal("107 Message ok.\n100 Ready.\n", driver.Say("."));

        var (step, written) = driver.Feed("SEND");

        var send = Assert.IsType<RwpEffect.Send>(step.Effect);
        Assert.Equal("", written);
        Assert.Equal("alice", send.Envelope.From);
        Assert.Equal(new RwpRecipient("bob", "b.example", "pts/2", TtyIsHint: true), send.Envelope.To);
        Assert.Equal("Hi, bob\r\nx = 1", send.Envelope.Body);
        Assert.Equal(new RwpHostPath("a.example", ["relay.a.example"]), send.Envelope.HostPath);
        Assert.Null(send.Envelope.ForwardCount);
        Assert.False(send.Envelope.LocalOnly);
        Assert.Equal(1, send.Envelope.NextForwardCount);
    }

    [Theory]
    [InlineData(new[] { "TO bob", "DATA", "hi", "." }, "673 Sender missing.\n100 Ready.\n")]
    [InlineData(new[] { "FROM alice", "DATA", "hi", "." }, "674 Recipient missing.\n100 Ready.\n")]
    [InlineData(new[] { "FROM alice", "TO bob" }, "675 Message missing.\n100 Ready.\n")]
    [InlineData(new string[0], "673 Sender missing.\n100 Ready.\n")]
    public void SEND_lacking_a_part_is_answered_locally_naming_the_first_missing_part(string[] before, string expected)
    {
        var driver = new SessionDriver();
        foreach (var line in before)
        {
            driver.Say(line);
        }

        var (step, written) = driver.Feed("SEND");

        Assert.Same(RwpEffect.None, step.Effect);
        Assert.Equal(expected, written);
    }

    [Fact]
    public void Empty_DATA_answers_672_and_cancels_an_earlier_body()
    {
        var driver = new SessionDriver();
        driver.Say("FROM alice");
        driver.Say("TO bob");
        driver.Say("DATA");
        driver.Say("first");
        driver.Say(".");
        driver.Say("DATA");

        Assert.Equal("672 No message.\n100 Ready.\n", driver.Say("."));
        Assert.Null(driver.Session.Body);
        Assert.Equal("675 Message missing.\n100 Ready.\n", driver.Say("SEND"));
    }

    [Fact]
    public void Command_words_inside_DATA_are_body_lines()
    {
        var driver = new SessionDriver();
        driver.Say("DATA");
        Assert.Equal("", driver.Say("SEND"));
        Assert.Equal("", driver.Say("QUIT"));
        Assert.Equal("", driver.Say(".."));
        driver.Say(".");

        Assert.Equal("SEND\r\nQUIT\r\n..", driver.Session.Body);
        Assert.Equal(RwpSessionState.Commands, driver.Session.State);
    }

    [Fact]
    public void Body_over_the_line_limit_is_reported_only_at_the_dot_and_dropped()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxBodyLines = 3 });
        driver.Say("DATA");
        var during = string.Concat(Enumerable.Range(0, 10).Select(i => driver.Say("line " + i)));

        Assert.Equal("", during);
        Assert.Equal("698 Too many lines.\n100 Ready.\n", driver.Say("."));
        Assert.Null(driver.Session.Body);
    }

    [Fact]
    public void Body_over_the_byte_limit_is_reported_only_at_the_dot_and_dropped()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxBodyBytes = 10 });
        driver.Say("DATA");
        driver.Say("12345");
        driver.Say("67890");

        Assert.Equal("698 Message too long.\n100 Ready.\n", driver.Say("."));
    }

    [Fact]
    public void Overlong_line_is_a_syntax_error_as_a_command_and_a_too_long_body_in_DATA()
    {
        var driver = new SessionDriver();

        Assert.Equal("668 Syntax error.\n100 Ready.\n", driver.TooLong());
        driver.Say("DATA");
        Assert.Equal("", driver.TooLong());
        driver.Say("short line");
        Assert.Equal("698 Message too long.\n100 Ready.\n", driver.Say("."));
    }

    [Fact]
    public void FWDS_below_the_limit_allows_forwarding()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxHops = 4 });

        Assert.Equal("110 Forward count ok.\n100 Ready.\n", driver.Say("FWDS 3"));
        Assert.False(driver.Session.LocalOnly);
        Assert.Equal(4, SendAll(driver, "FROM a", "TO b", "DATA", "x", ".").Envelope.NextForwardCount);
    }

    [Fact]
    public void FWDS_at_the_limit_answers_676_and_a_later_SEND_is_local_only()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxHops = 4 });

        Assert.Equal("676 Forward limit exceeded.\n100 Ready.\n", driver.Say("FWDS 4"));
        var send = SendAll(driver, "FROM a", "TO b", "DATA", "x", ".");

        Assert.True(send.Envelope.LocalOnly);
        Assert.Equal(4, send.Envelope.ForwardCount);
    }

    [Fact]
    public void FWDS_minus_one_marks_an_autoreply_that_is_never_forwarded()
    {
        var driver = new SessionDriver();

        Assert.Equal("110 Forward count ok.\n100 Ready.\n", driver.Say("FWDS -1"));
        var send = SendAll(driver, "FROM a", "TO b", "DATA", "away", ".");

        Assert.True(send.Envelope.IsAutoreply);
        Assert.True(send.Envelope.LocalOnly);
    }

    [Fact]
    public void VRFY_without_TO_is_674_and_with_TO_asks_the_caller()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxHops = 2 });

        Assert.Equal("674 Recipient missing.\n100 Ready.\n", driver.Say("VRFY"));
        driver.Say("TO bob [tty1]");
        driver.Say("FWDS 5");
        var (step, written) = driver.Feed("VRFY");

        Assert.Equal("", written);
        Assert.Equal(new RwpEffect.Verify(new RwpRecipient("bob", null, "tty1", true), LocalOnly: true), step.Effect);
    }

    [Fact]
    public void RSET_forgets_everything()
    {
        var driver = new SessionDriver(new RwpSessionSettings { MaxHops = 2 });
        foreach (var line in new[] { "FROM a", "TO b", "FHST h", "FWDS 9", "DATA", "x", "." })
        {
            driver.Say(line);
        }

        driver.Say("RSET");

        Assert.Null(driver.Session.From);
        Assert.Null(driver.Session.To);
        Assert.Null(driver.Session.HostPath);
        Assert.Null(driver.Session.ForwardCount);
        Assert.Null(driver.Session.Body);
        Assert.False(driver.Session.LocalOnly);
        Assert.Equal("673 Sender missing.\n100 Ready.\n", driver.Say("SEND"));
    }

    [Fact]
    public void Envelope_state_survives_SEND_so_a_second_message_needs_only_new_DATA()
    {
        var driver = new SessionDriver();
        var first = SendAll(driver, "FROM a", "TO b", "DATA", "one", ".");
        var second = SendAll(driver, "DATA", "two", ".");

        Assert.Equal("one", first.Envelope.Body);
        Assert.Equal(first.Envelope with { Body = "two" }, second.Envelope);
    }

    [Fact]
    public void QUOTE_is_handed_to_the_caller()
    {
        var (step, written) = new SessionDriver().Feed("quote agent alice tty7");

        Assert.Equal(new RwpEffect.Quote("AGENT", "alice tty7"), step.Effect);
        Assert.Equal("", written);
    }

    [Fact]
    public void After_QUIT_the_session_is_closed_and_ignores_further_lines()
    {
        var driver = new SessionDriver();

        var (step, written) = driver.Feed("quit");

        Assert.IsType<RwpEffect.Close>(step.Effect);
        Assert.Equal("101 Goodbye.\n", written);
        Assert.Equal(RwpSessionState.Closed, driver.Session.State);
        Assert.Equal("", driver.Say("HELP"));
        Assert.Equal("", driver.TooLong());
    }

    private static RwpEffect.Send SendAll(SessionDriver driver, params string[] lines)
    {
        foreach (var line in lines)
        {
            driver.Say(line);
        }

        return Assert.IsType<RwpEffect.Send>(driver.Feed("SEND").Step.Effect);
    }
}
