using System.Net.Sockets;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;
using MsgRelay.Testing;

namespace MsgRelay.Relay.Tests.Listeners;

/// <summary>The reference client rwrite 1.2's dialogue (PROTOCOLS.md section 5), byte for byte over real sockets.</summary>
public sealed class RwriteDialogueTests : FrontEndTestBase
{
    private static DeliveryOutcome Answer(object question) => question switch
    {
        VerifyRecipient => DeliveryOutcome.Delivered(),
        _ => DeliveryOutcome.Delivered(["gone fishing"]),
    };

    [Fact]
    public async Task Rwrite_dialogue_gets_each_answer_together_with_its_ready_and_555_autoreplies()
    {
        Start(SharedPortSettings(FreePorts.Next()) with { AutoreplyCode = 555, VerboseGreeting = true, SniffWindow = TimeSpan.FromMilliseconds(20) }, Answer);
        await using var client = await LineClient.ConnectAsync(Tcp(PortProtocols.Both));

        // rwrite waits for the greeting's 100 and then for 100 after every command.
        var greeting = Wire.Text(await client.ReceiveOnceAsync());
        Assert.StartsWith("500 Hello 127.0.0.1. This is relay.test speaking.\n501 ", greeting, StringComparison.Ordinal);
        Assert.EndsWith("502 RWP version 1.0.\n100 Ready.\n", greeting, StringComparison.Ordinal);

        await client.SendAsync("TO ali");
        await client.SendAsync("ce@relay.test\n");
        Assert.Equal("106 Recipient ok.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("FHST sandy.example\n");
        Assert.Equal("111 Original sender host ok.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("FROM sandy\n");
        Assert.Equal("105 Sender ok.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("VRFY\n");
        Assert.Equal("108 Recipient ok to send.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("DATA\n");
        Assert.Equal("200 Enter message.  Single dot '.' on line terminates.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("caf=E9 =3D lunch?\n=2E\n");
        await client.SendAsync("bye\n.");
        await client.SendAsync("\n");
        Assert.Equal("107 Message ok.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("SEND\n");
        Assert.Equal("555 |gone fishing\n103 Message delivered.\n100 Ready.\n", Wire.Text(await client.ReceiveOnceAsync()));
        await client.SendAsync("BYE\n");
        Assert.Equal("101 Goodbye.\n", Wire.Text(await client.ReceiveOnceAsync()));
        Assert.True(await client.IsClosedByServerAsync());

        var verify = await Routed.ExpectMsgAsync<VerifyRecipient>();
        Assert.Equal(new Recipient("alice", "relay.test"), verify.To);
        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(new Sender("sandy", "sandy.example"), route.Message.From);
        Assert.Equal("café = lunch?\n.\nbye", route.Message.Body);
        Assert.Equal("127.0.0.1", route.Message.SourceAddress);
    }

    [Fact]
    public async Task Rwrite_u_dialogue_in_one_datagram_is_routed_without_any_answer()
    {
        Start(SharedPortSettings(FreePorts.Next()));
        using var client = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var server = Udp(PortProtocols.Both);
        await client.SendAsync(Wire.Latin1("TO alice\nFROM sandy\nVRFY\nDATA\nHi =3D\n.\nSEND\nBYE\n"), server);

        var route = await Routed.ExpectMsgAsync<Route>();
        Assert.Equal(IngressProtocol.RwpUdp, route.Message.Protocol);
        Assert.Equal("Hi =", route.Message.Body);

        // The first datagram the client ever receives is the answer to this MSP v2 message, so the RWP one got none.
        await client.SendAsync(Wire.RfcExample, server);
        var reply = await client.ReceiveAsync().WaitAsync(Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal("+\0", Wire.Text(reply.Buffer));
    }
}
