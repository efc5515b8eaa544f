using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Sites;
using Xunit;

namespace MsgRelay.Relay.Tests.Sites;

public sealed class RwpHopClientTests
{
    private static readonly OutgoingMessage Message = new(
        "alice", "192.0.2.7", ["site-z", "site-a"], 3, new Recipient("bob", "b.example", "pts/1", TtyIsHint: true), "hi = there\n.\nbye");

    private static CancellationToken Soon => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public async Task Message_is_sent_as_from_fhst_fwds_to_quoted_data_and_send()
    {
        await using var server = new ScriptedRwpServer();
        await using var client = new RwpHopClient(2, TimeSpan.FromSeconds(5));

        var answer = await client.SendAsync(new NextHop("127.0.0.1", server.Port), Message, Soon);

        Assert.Equal(103, answer.Code);
        Assert.Equal(
            [
                "1: FROM alice", "1: FHST 192.0.2.7 site-z site-a", "1: FWDS 3", "1: TO bob@b.example [pts/1]", "1: DATA",
                "1: hi =3D there", "1: =2E", "1: bye", "1: .", "1: SEND",
            ],
            server.Lines);
    }

    [Fact]
    public async Task Second_message_reuses_the_connection_after_rset()
    {
        await using var server = new ScriptedRwpServer();
        await using var client = new RwpHopClient(2, TimeSpan.FromSeconds(5));
        var hop = new NextHop("127.0.0.1", server.Port);

        await client.SendAsync(hop, Message, Soon);
        await client.SendAsync(hop, Message, Soon);

        Assert.Equal(1, server.Connections);
        Assert.Contains("1: RSET", server.Lines);
        Assert.Equal(1, client.IdleConnections(hop));
    }

    [Fact]
    public async Task Connection_the_far_side_closed_is_replaced_without_losing_the_message()
    {
        await using var server = new ScriptedRwpServer { CloseAfterSend = true };
        await using var client = new RwpHopClient(1, TimeSpan.FromSeconds(5));
        var hop = new NextHop("127.0.0.1", server.Port);

        await client.SendAsync(hop, Message, Soon);
        var second = await client.SendAsync(hop, Message, Soon);

        Assert.Equal(103, second.Code);
        Assert.Equal(2, server.Connections);
        Assert.Contains("2: SEND", server.Lines);
    }

    [Theory]
    [InlineData("300 |gone fishing")]
    [InlineData("555 |gone fishing")]
    [InlineData("556 gone fishing")]
    public async Task Autoreply_lines_of_every_accepted_code_are_returned_decoded(string line)
    {
        await using var server = new ScriptedRwpServer();
        server.AnswerFor = command => command == "SEND" ? [line, "104 Message forwarded."] : ScriptedRwpServer.DefaultAnswer(command);
        await using var client = new RwpHopClient(1, TimeSpan.FromSeconds(5));

        var answer = await client.SendAsync(new NextHop("127.0.0.1", server.Port), Message, Soon);

        Assert.Equal(104, answer.Code);
        Assert.Equal(["gone fishing"], answer.Autoreplies);
    }

    [Fact]
    public async Task Refusal_of_fwds_stops_the_dialogue_with_that_code()
    {
        await using var server = new ScriptedRwpServer();
        server.AnswerFor = command => command.StartsWith("FWDS", StringComparison.Ordinal) ? ["676 Forward limit exceeded."] : ScriptedRwpServer.DefaultAnswer(command);
        await using var client = new RwpHopClient(1, TimeSpan.FromSeconds(5));

        var answer = await client.SendAsync(new NextHop("127.0.0.1", server.Port), Message, Soon);

        Assert.Equal(676, answer.Code);
        Assert.DoesNotContain(server.Lines, l => l.EndsWith("SEND", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closed_port_fails_with_an_io_error()
    {
        int port;
        await using (var server = new ScriptedRwpServer())
        {
            port = server.Port;
        }

        await using var client = new RwpHopClient(1, TimeSpan.FromSeconds(5));

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => client.SendAsync(new NextHop("127.0.0.1", port), Message, Soon));
    }
}
