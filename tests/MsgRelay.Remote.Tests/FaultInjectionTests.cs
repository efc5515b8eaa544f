using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Hocon;
using MsgRelay.Remote.Testing;
using MsgRelay.Remote.Transport.InMemory;

namespace MsgRelay.Remote.Tests;

public sealed class FaultInjectionTests : TestKit
{
    private readonly InMemoryNetwork _network = new();
    private readonly List<ActorSystem> _others = [];
    private readonly string _controlFile = Path.Combine(Path.GetTempPath(), $"msgrelay-faults-{Guid.NewGuid():N}");

    public override async Task DisposeAsync()
    {
        foreach (var system in _others)
        {
            await system.Terminate();
        }
        File.Delete(_controlFile);
        await base.DisposeAsync();
    }

    [Fact]
    public void Control_file_lines_name_peers_and_comments_and_blank_lines_are_ignored()
    {
        var dropped = FaultInjection.Parse("# cut node 3 off\n10.0.0.3:2552\r\n\n  *  \n");

        Assert.Equal(["*", "10.0.0.3:2552"], dropped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fault_injection_is_off_by_default_and_on_requires_a_control_file()
    {
        Assert.Null(RemoteSettings.FromConfig(RemoteSettings.Reference).FaultInjectionFile);

        var on = ConfigFactory.ParseString("msgrelay.remote.testing { fault-injection = on, fault-injection-file = \"/tmp/x\" }").WithFallback(RemoteSettings.Reference);
        Assert.Equal("/tmp/x", RemoteSettings.FromConfig(on).FaultInjectionFile);

        var noFile = ConfigFactory.ParseString("msgrelay.remote.testing.fault-injection = on").WithFallback(RemoteSettings.Reference);
        var error = Assert.Throws<ArgumentException>(() => RemoteSettings.FromConfig(noFile));
        Assert.Contains("fault-injection-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traffic_with_a_peer_named_in_the_control_file_is_dropped_both_ways_until_the_line_is_removed()
    {
        var bSystem = ActorSystem.Create("test");
        _others.Add(bSystem);
        var b = await Remoting.StartAsync(bSystem, "10.0.0.1", 2553, _network.CreateTransport(), Settings(null));
        bSystem.ActorOf(Props.Create(() => new EchoActor()), "echo");
        await File.WriteAllTextAsync(_controlFile, "10.0.0.1:2553\n");
        var a = await Remoting.StartAsync(Sys, "10.0.0.1", 2552, _network.CreateTransport(), Settings(_controlFile));
        var echo = a.RemoteRef(b.LocalAddress.Address, "/user/echo");

        // Outbound from the faulty node is dropped...
        echo.Tell("cut", TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        // ...and so is inbound: B's message arrives on the faulty node's side and is discarded.
        var fromB = b.RemoteRef(a.LocalAddress.Address, "/user/echo");
        Sys.ActorOf(Props.Create(() => new EchoActor()), "echo");
        fromB.Tell("inbound", TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        await File.WriteAllTextAsync(_controlFile, "");
        await AwaitAssertAsync(async () =>
        {
            echo.Tell("healed", TestActor);
            Assert.Equal("echo:healed", await ExpectMsgAsync<string>(TimeSpan.FromMilliseconds(300)));
        }, Dilated(TimeSpan.FromSeconds(3)));
    }

    private static RemoteSettings Settings(string? controlFile) =>
        RemoteSettings.FromConfig(RemoteSettings.Reference) with { MaxBackoff = TimeSpan.FromMilliseconds(200), FaultInjectionFile = controlFile };
}
