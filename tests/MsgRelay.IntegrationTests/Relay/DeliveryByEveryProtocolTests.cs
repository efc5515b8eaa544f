using System.Text;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Relay;

/// <summary>A message sent by each protocol reaches a logged-in agent exactly once, and the sender sees the reply table's answer.</summary>
public sealed class DeliveryByEveryProtocolTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private RelayNode Node => fixture.Node;

    [Fact]
    public async Task Msp2_over_tcp_is_delivered_once_and_answered_plus()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "chris", "pts/1", Timeout);

        // The reply comes only after the agent acknowledged, so the agent reads while the sender waits.
        var sending = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("chris", "", "Hi\r\nHow about lunch?", "sandy", "console", "910806121325"), Timeout);
        var delivery = await agent.ReceiveAsync(Timeout);

        Assert.StartsWith("+", await sending, StringComparison.Ordinal);
        Assert.StartsWith("sandy@", delivery.From, StringComparison.Ordinal);
        Assert.Equal("console", delivery.FromTty);
        Assert.Equal(["Hi", "How about lunch?"], delivery.Body);
        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Msp2_over_tcp_to_a_user_not_logged_in_is_answered_minus_with_a_reason()
    {
        var reply = await WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("nobody1", "", "hello", "sandy", "console", "c1"), Timeout);

        Assert.StartsWith("-", reply, StringComparison.Ordinal);
        Assert.True(reply.Length > 1, "the negative reply explains itself");
    }

    [Fact]
    public async Task Msp1_over_tcp_is_delivered_and_nothing_is_sent_back()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "dana", null, Timeout);

        var sending = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp1("dana", "", "v1 over tcp"), Timeout);
        var delivery = await agent.ReceiveAsync(Timeout);

        Assert.Equal(string.Empty, await sending);
        Assert.Equal(["v1 over tcp"], delivery.Body);
        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Msp1_over_udp_is_delivered_and_echoed_byte_for_byte()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "erin", null, Timeout);
        var datagram = WireSenders.Msp1("erin", "", "v1 over udp");

        var sending = WireSenders.UdpAsync(Node.Endpoint, datagram, Timeout);
        var delivery = await agent.ReceiveAsync(Timeout);

        Assert.Equal(datagram, await sending);
        Assert.Equal(["v1 over udp"], delivery.Body);
    }

    [Fact]
    public async Task Msp2_over_udp_is_acknowledged_plus_and_a_duplicate_is_acknowledged_but_delivered_once()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "frank", null, Timeout);
        var datagram = WireSenders.Msp2("frank", "", "once only", "sandy", "console", "dup-cookie-1");

        var sending = WireSenders.UdpAsync(Node.Endpoint, datagram, Timeout);
        var delivery = await agent.ReceiveAsync(Timeout);
        var first = await sending;
        Assert.Equal(["once only"], delivery.Body);
        Assert.StartsWith("+", Encoding.Latin1.GetString(first ?? []), StringComparison.Ordinal);

        var second = await WireSenders.UdpAsync(Node.Endpoint, datagram, Timeout);

        Assert.Equal(first, second);
        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Msp2_over_udp_to_a_user_not_logged_in_gets_no_reply()
    {
        var reply = await WireSenders.UdpAsync(Node.Endpoint, WireSenders.Msp2("nobody2", "", "x", "sandy", "console", "c2"), TimeSpan.FromSeconds(1));

        Assert.Null(reply);
    }

    [Fact]
    public async Task Rwp_over_tcp_as_rwrite_speaks_it_is_delivered_and_answered_103()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "gina", "pts/7", Timeout);

        var sending = WireSenders.RwpAsync(Node.Endpoint, "sandy", "gina", ["first line", "=3D equals"], Timeout);
        var delivery = await agent.ReceiveAsync(Timeout);

        Assert.Equal("103", (await sending).Code);
        Assert.StartsWith("sandy@", delivery.From, StringComparison.Ordinal);
        Assert.Equal("first line", delivery.Body[0]);
        await agent.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task Rwp_over_tcp_to_a_user_not_logged_in_fails_vrfy_with_670()
    {
        var result = await WireSenders.RwpAsync(Node.Endpoint, "sandy", "nobody3", ["x"], Timeout);

        Assert.Equal("670", result.Code);
    }

    [Fact]
    public async Task Rwp_over_udp_is_delivered_without_any_reply()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "hank", null, Timeout);

        var reply = await WireSenders.UdpAsync(Node.Endpoint, WireSenders.RwpDatagram("sandy", "hank", "by datagram"), TimeSpan.FromSeconds(1));

        Assert.Null(reply);
        var delivery = await agent.ReceiveAsync(Timeout);
        Assert.Equal(["by datagram"], delivery.Body);
    }

    [Fact]
    public async Task A_user_with_two_sessions_gets_star_messages_on_both()
    {
        await using var first = await RawAgent.LoginAsync(Node.Endpoint, "ivan", "pts/1", Timeout);
        await using var second = await RawAgent.LoginAsync(Node.Endpoint, "ivan", "pts/2", Timeout);

        var sending = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("ivan", "*", "to all", "sandy", "console", "c3"), Timeout);

        Assert.Equal(["to all"], (await first.ReceiveAsync(Timeout)).Body);
        Assert.Equal(["to all"], (await second.ReceiveAsync(Timeout)).Body);
        Assert.StartsWith("+", await sending, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_message_goes_to_the_least_idle_of_two_sessions()
    {
        // The first session logs in earlier but is active later, so "least idle" and "most recent
        // login" disagree and the test tells them apart.
        await using var active = await RawAgent.LoginAsync(Node.Endpoint, "judy", "pts/1", Timeout);
        await using var newer = await RawAgent.LoginAsync(Node.Endpoint, "judy", "pts/2", Timeout);
        using var admin = new AdminClient(Node.AdminPort);
        await Eventually.TrueAsync(
            async () =>
            {
                await active.SendAsync("QUOTE PING\n");
                await active.ReadUntilAsync("100", Timeout);
                var rows = (await admin.WhoAsync()).Where(r => r.User == "judy").ToDictionary(r => r.Tty);
                return rows.Count == 2 && rows["pts/1"].Idle < rows["pts/2"].Idle;
            },
            Timeout,
            "pts/1 became the less idle session");

        var sending = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("judy", "", "pick one", "sandy", "console", "c4"), Timeout);

        Assert.Equal(["pick one"], (await active.ReceiveAsync(Timeout)).Body);
        Assert.StartsWith("+", await sending, StringComparison.Ordinal);
        await newer.ExpectNoDeliveryAsync(Quiet);
    }

    [Fact]
    public async Task An_agent_that_never_acknowledges_makes_the_sender_see_not_delivered_within_the_ack_timeout()
    {
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "kate", null, Timeout);
        var started = DateTime.UtcNow;

        var replyTask = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("kate", "", "ignored", "sandy", "console", "c5"), Timeout);
        var delivery = await agent.ReceiveAsync(Timeout, acknowledge: false);
        var reply = await replyTask;

        Assert.Equal(["ignored"], delivery.Body);
        Assert.StartsWith("-", reply, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2) + Timeout, "answered within the ack timeout (2 s here) plus slack");
    }
}
