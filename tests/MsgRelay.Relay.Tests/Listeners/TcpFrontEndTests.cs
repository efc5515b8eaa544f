using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class TcpFrontEndTests : FrontEndTestBase
{
    [Fact]
    public async Task Rfc_example_over_tcp_on_the_shared_port_is_answered_plus()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));
        await client.SendAsync(Wire.RfcExample);

        Assert.Equal("+\0", Wire.Text(await client.ReceiveExactlyAsync(2)));
        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal("chris", route.Message.To.User);
        Assert.Equal("127.0.0.1", route.Message.From.Host);
        Assert.Equal("Hi\nHow about lunch?", route.Message.Body);
    }

    [Fact]
    public async Task Rwp_client_that_waits_is_greeted_after_the_sniff_window_and_can_send()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));

        Assert.Equal("100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));
        await client.SendAsync("TO alice\n");
        Assert.Equal("106 Recipient ok.\n100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));
        await client.SendAsync("FROM bob\n");
        Assert.Equal("105 Sender ok.\n100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));
        await client.SendAsync("DATA\nhi there\n.\n");
        Assert.Equal("200 Enter message.  Single dot '.' on line terminates.\n", await client.ReceiveUntilAsync("\n"));
        Assert.Equal("107 Message ok.\n100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));
        await client.SendAsync("SEND\n");
        Assert.Equal("103 Message delivered.\n100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));
        await client.SendAsync("BYE\n");
        Assert.Equal("101 Goodbye.\n", await client.ReceiveUntilAsync("\n"));
        Assert.True(await client.IsClosedByServerAsync());

        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.RwpTcp, route.Message.Protocol);
        Assert.Equal("hi there", route.Message.Body);
    }
}
