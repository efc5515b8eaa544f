using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpDatagramTests
{
    private static readonly RwpSessionSettings Settings = new() { MaxHops = 3 };

    [Fact]
    public void Rwrite_u_datagram_yields_one_envelope()
    {
        var result = Read("TO bob\nFROM alice\nFHST a.example\nVRFY\nDATA\nHello =3D world\n.\nSEND\nBYE\n");

        Assert.False(result.IsRejected);
        var envelope = Assert.Single(result.Envelopes);
        Assert.Equal(new RwpEnvelope("alice", new RwpRecipient("bob"), "Hello = world") { HostPath = new RwpHostPath("a.example") }, envelope);
    }

    [Fact]
    public void Two_SENDs_yield_two_envelopes_in_order_and_CRLF_lines_work()
    {
        var result = Read("FROM a\r\nTO b\r\nDATA\r\none\r\n.\r\nSEND\r\nTO c\r\nDATA\r\ntwo\r\n.\r\nSEND\r\n");

        Assert.Equal(["b:one", "c:two"], result.Envelopes.Select(e => e.To.User + ":" + e.Body));
    }

    [Fact]
    public void Last_line_without_line_end_still_counts()
    {
        Assert.Single(Read("FROM a\nTO b\nDATA\nx\n.\nSEND").Envelopes);
    }

    [Fact]
    public void FWDS_at_the_limit_is_no_error_the_envelope_is_local_only()
    {
        var result = Read("FWDS 3\nFROM a\nTO b\nDATA\nx\n.\nSEND\n");

        Assert.True(Assert.Single(result.Envelopes).LocalOnly);
    }

    [Fact]
    public void Lines_after_QUIT_are_ignored()
    {
        var result = Read("FROM a\nTO b\nDATA\nx\n.\nQUIT\nSEND\n");

        Assert.False(result.IsRejected);
        Assert.Empty(result.Envelopes);
    }

    [Theory]
    [InlineData("FROM a\nTO b\nDATA\nx\n.\nSEND\nBOGUS\n", 668)]
    [InlineData("FROM a\nTO b\nSEND\n", 675)]
    [InlineData("TO b\nDATA\nx\n.\nSEND\n", 673)]
    [InlineData("FROM a\nTO b\nDATA\nx\n", 675)]
    [InlineData("FROM a\nTO b\nDATA\n.\nSEND\n", 672)]
    public void Any_error_rejects_the_whole_datagram(string datagram, int code)
    {
        var result = Read(datagram);

        Assert.True(result.IsRejected);
        Assert.Equal(code, result.Rejection!.Value.Code);
        Assert.Empty(result.Envelopes);
    }

    [Fact]
    public void Overlong_line_or_body_rejects_the_datagram()
    {
        var tight = Settings with { MaxLineLength = 20, MaxBodyLines = 2 };

        var longLine = RwpDatagram.Read(Bytes.Of("FROM " + new string('a', 40) + "\nTO b\n"), tight, "h");
        var manyLines = RwpDatagram.Read(Bytes.Of("FROM a\nTO b\nDATA\n1\n2\n3\n.\nSEND\n"), tight, "h");

        Assert.Equal(RwpReplies.SyntaxError, longLine.Rejection);
        Assert.Equal(RwpReplies.TooManyLines, manyLines.Rejection);
    }

    [Fact]
    public void Empty_datagram_is_an_empty_clean_result()
    {
        var result = Read("");

        Assert.False(result.IsRejected);
        Assert.Empty(result.Envelopes);
    }

    private static RwpDatagramResult Read(string datagram) => RwpDatagram.Read(Bytes.Of(datagram), Settings, "192.0.2.9");
}
