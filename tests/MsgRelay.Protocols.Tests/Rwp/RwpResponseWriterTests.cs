using System.Buffers;
using System.Reflection;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpResponseWriterTests
{
    [Fact]
    public void Answer_and_ready_are_written_together_LF_terminated()
    {
        Assert.Equal("105 Sender ok.\n100 Ready.\n", Written(o => RwpResponseWriter.WriteWithReady(o, RwpReplies.SenderOk)));
    }

    [Fact]
    public void Greeting_is_500_501_502_then_100()
    {
        var text = Written(o => RwpResponseWriter.WriteGreeting(o, "10.0.0.7", "relay.example", "MsgRelay 1.0 RWP server."));

        Assert.Equal(
            "500 Hello 10.0.0.7. This is relay.example speaking.\n501 MsgRelay 1.0 RWP server.\n502 RWP version 1.0.\n100 Ready.\n",
            text);
    }

    [Fact]
    public void Help_is_510_lines_then_ready()
    {
        var lines = Written(RwpResponseWriter.WriteHelp).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("100 Ready.", lines[^1]);
        Assert.All(lines[..^1], l => Assert.StartsWith("510 ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("QUOTE", StringComparison.Ordinal));
    }

    [Fact]
    public void Fixed_texts_match_the_protocol_tables()
    {
        var expected = new Dictionary<string, string>
        {
            [nameof(RwpReplies.Ready)] = "100 Ready.",
            [nameof(RwpReplies.Goodbye)] = "101 Goodbye.",
            [nameof(RwpReplies.Delivered)] = "103 Message delivered.",
            [nameof(RwpReplies.Forwarded)] = "104 Message forwarded.",
            [nameof(RwpReplies.SenderOk)] = "105 Sender ok.",
            [nameof(RwpReplies.RecipientOk)] = "106 Recipient ok.",
            [nameof(RwpReplies.MessageOk)] = "107 Message ok.",
            [nameof(RwpReplies.RecipientOkToSend)] = "108 Recipient ok to send.",
            [nameof(RwpReplies.RsetOk)] = "109 RSET ok.",
            [nameof(RwpReplies.RecipientOkToForward)] = "110 Recipient ok to forward.",
            [nameof(RwpReplies.OriginalHostOk)] = "111 Original sender host ok.",
            [nameof(RwpReplies.KeyAccepted)] = "112 Key accepted.",
            [nameof(RwpReplies.EnterMessage)] = "200 Enter message.  Single dot '.' on line terminates.",
            [nameof(RwpReplies.ProtocolVersion)] = "502 RWP version 1.0.",
            [nameof(RwpReplies.SyntaxError)] = "668 Syntax error.",
            [nameof(RwpReplies.Refused)] = "669 Message refused.",
            [nameof(RwpReplies.NotLoggedIn)] = "670 User not logged in.",
            [nameof(RwpReplies.NoSuchUser)] = "671 No such user.",
            [nameof(RwpReplies.NoMessage)] = "672 No message.",
            [nameof(RwpReplies.SenderMissing)] = "673 Sender missing.",
            [nameof(RwpReplies.RecipientMissing)] = "674 Recipient missing.",
            [nameof(RwpReplies.MessageMissing)] = "675 Message missing.",
            [nameof(RwpReplies.ForwardLimitExceeded)] = "676 Forward limit exceeded.",
            [nameof(RwpReplies.UnableToForward)] = "677 Unable to forward.",
            [nameof(RwpReplies.KeyRejected)] = "678 Key rejected.",
            [nameof(RwpReplies.UnknownQuote)] = "679 Unknown QUOTE command.",
        };

        foreach (var (name, line) in expected)
        {
            var reply = (RwpReply)typeof(RwpReplies).GetField(name)!.GetValue(null)!;
            Assert.Equal(line + "\n", Written(o => RwpResponseWriter.Write(o, reply)));
        }
    }

    [Fact]
    public void No_fixed_reply_has_angle_brackets_or_control_codes()
    {
        var replies = typeof(RwpReplies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(RwpReply))
            .Select(f => (RwpReply)f.GetValue(null)!)
            .ToList();

        Assert.True(replies.Count >= 30);
        Assert.All(replies, r => Assert.DoesNotMatch("[<>\\x00-\\x1F]", r.Text));
        Assert.All(replies, r => Assert.InRange(r.Code, 100, 699));
    }

    [Fact]
    public void Only_110_carries_an_address_in_angle_brackets()
    {
        Assert.Equal(
            "110 Recipient ok to forward <bob@b.example>.\n",
            Written(o => RwpResponseWriter.Write(o, RwpReplies.RecipientOkToForwardTo("bob", "b.example"))));
        Assert.Equal("670 (b)?\n", Written(o => RwpResponseWriter.Write(o, new RwpReply(670, "<b>\n"))));
        Assert.Equal(
            "500 Hello (evil)?. This is me speaking.\n",
            Written(o => RwpResponseWriter.Write(o, RwpReplies.Hello("<evil>\r", "me"))));
    }

    [Fact]
    public void Agent_registration_text_matches_the_architecture()
    {
        Assert.Equal("112 Agent alice on agent/1 registered.", RwpReplies.AgentRegistered("alice", "agent/1").ToString());
    }

    [Theory]
    [InlineData(300, "I am away.\r\nBack at 3.", "300 |I am away.\n300 |Back at 3.\n")]
    [InlineData(555, "gone", "555 |gone\n")]
    [InlineData(300, "a <b> = c", "300 |a =3Cb=3E =3D c\n")]
    public void Autoreply_lines_use_the_configured_code_and_quoting(int code, string text, string expected)
    {
        Assert.Equal(expected, Written(o => RwpResponseWriter.WriteAutoreply(o, text, code)));
    }

    [Fact]
    public void Agent_delivery_block_is_header_quoted_body_lines_and_dot()
    {
        var delivery = new RwpAgentDelivery("42", "sandy", "a.example", "console", 1, 1700000000123, "Hi\r\nHow about lunch?\r\n.\r\nx=1 \x1B[2J");

        var text = Written(o => RwpResponseWriter.WriteAgentDelivery(o, delivery));

        Assert.Equal(
            "511 MSG 42 sandy@a.example console 1 1700000000123\n"
            + "511 |Hi\n"
            + "511 |How about lunch?\n"
            + "511 |=2E\n"
            + "511 |x=3D1 =1B[2J\n"
            + "511 .\n",
            text);
    }

    [Fact]
    public void Agent_delivery_header_has_six_words_even_with_empty_tty_or_spaced_names()
    {
        var delivery = new RwpAgentDelivery("7", "sandy smith", "h", "", 0, 5, "x");

        var header = Written(o => RwpResponseWriter.WriteAgentDelivery(o, delivery)).Split('\n')[0];

        Assert.Equal("511 MSG 7 sandy=20smith@h - 0 5", header);
    }

    private static string Written(Action<IBufferWriter<byte>> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(output);
        return Bytes.Text(output.WrittenSpan);
    }
}
