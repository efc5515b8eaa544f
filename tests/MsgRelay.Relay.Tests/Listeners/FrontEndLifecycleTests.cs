using System.Net;
using System.Net.Sockets;
using MsgRelay.Actors;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using MsgRelay.Relay.Tests.Support;
using MsgRelay.Testing;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class FrontEndLifecycleTests : FrontEndTestBase
{
    [Fact]
    public async Task Each_bound_port_is_logged_with_its_protocols()
    {
        var port = FreePorts.Next();

        await EventFilter.Info($"listening on tcp 127.0.0.1:{port} (msp+rwp)").ExpectOneAsync(() => Start(SharedPortSettings(port)));
    }

    [Fact]
    public async Task Without_hosts_one_dual_stack_socket_serves_ipv4_clients_as_ipv4_peers()
    {
        var port = FreePorts.Next();
        var handle = Start(SharedPortSettings(port) with { Hosts = [] });
        var bound = Assert.Single(handle.Endpoints, e => e.Transport == "tcp").Endpoints;
        Assert.Single(bound);

        await using var client = await LineClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        await client.SendAsync(Wire.Msp2("alice", "hi"));
        Assert.Equal("+\0", Wire.Text(await client.ReceiveExactlyAsync(2)));
        Assert.Equal("127.0.0.1", (await Routed.ExpectMsgAsync<Route>()).Message.From.Host);
    }

    [Fact]
    public void A_port_in_use_fails_start_up_and_leaves_nothing_bound()
    {
        var port = FreePorts.Next();
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port));
        squatter.Listen();
        var udpPort = FreePorts.Next();
        var settings = SharedPortSettings(udpPort) with { MspTcpPort = udpPort, RwpTcpPort = port };

        Assert.ThrowsAny<SocketException>(() => Start(settings));

        // The MSP port bound before the failure was released again.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, udpPort));
    }

    [Fact]
    public async Task Coordinated_shutdown_unbinds_and_closes_open_connections()
    {
        var settings = SharedPortSettings(FreePorts.Next()) with { RwpTcpPort = FreePorts.Next(), SniffWindow = TimeSpan.FromMinutes(5) };
        Start(settings);
        var endpoint = Tcp(PortProtocols.Rwp);
        await using var client = await LineClient.ConnectAsync(endpoint);
        Assert.Equal("100 Ready.\n", await client.ReceiveUntilAsync("100 Ready.\n"));

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(Dilated(TimeSpan.FromSeconds(20)));

        Assert.Equal("666 Server shutting down.\n", await client.ReceiveUntilAsync("\n"));
        Assert.True(await client.IsClosedByServerAsync());
        await Assert.ThrowsAnyAsync<SocketException>(async () => await LineClient.ConnectAsync(endpoint));
    }
}
