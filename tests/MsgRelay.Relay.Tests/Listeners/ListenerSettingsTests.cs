using System.Net;
using MsgRelay.Hocon;
using MsgRelay.Relay.Listeners;

namespace MsgRelay.Relay.Tests.Listeners;

public sealed class ListenerSettingsTests
{
    private static Config Reference => ConfigFactory.FromEmbeddedReferences(typeof(ListenerSettings).Assembly);

    private static Config With(string overrides) => ConfigFactory.ParseString(overrides).WithFallback(Reference).Resolve();

    [Fact]
    public void Reference_defaults_are_read_from_the_root()
    {
        var settings = ListenerSettings.FromConfig(Reference.Resolve());

        Assert.Empty(settings.Hosts);
        Assert.Equal(18, settings.MspTcpPort);
        Assert.Equal(18, settings.RwpUdpPort);
        Assert.Equal(300, settings.AutoreplyCode);
        Assert.False(settings.VerboseGreeting);
        Assert.Equal(TimeSpan.FromMilliseconds(20), settings.SniffWindow);
        Assert.Equal(10_000, settings.MaxConnections);
        Assert.True(settings.UseEpoll);
        Assert.Equal(TimeSpan.FromSeconds(120), settings.IdleTimeout);
        Assert.Equal(8 * 1024, settings.MaxMessageBytes);
        Assert.Equal(20, settings.UdpRepliesPerSecond);
        Assert.Equal(40, settings.UdpReplyBurst);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.DuplicateWindow);
    }

    [Fact]
    public void Overrides_and_the_duplicate_window_are_read()
    {
        var settings = ListenerSettings.FromConfig(With("""
            msgrelay.listeners { host = ["127.0.0.1", "::1"], rwp { tcp-port = 1019, autoreply-code = 555, verbose-greeting = on }, socket-engine = dotnet }
            msgrelay.delivery.duplicate-window = 5s
            """));

        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], settings.Hosts);
        Assert.Equal(1019, settings.RwpTcpPort);
        Assert.Equal(555, settings.AutoreplyCode);
        Assert.True(settings.VerboseGreeting);
        Assert.False(settings.UseEpoll);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DuplicateWindow);
    }

    [Fact]
    public void The_section_alone_is_accepted()
    {
        var settings = ListenerSettings.FromConfig(With("msgrelay.listeners.msp.tcp-port = 0").GetConfig("msgrelay.listeners"));

        Assert.Equal(0, settings.MspTcpPort);
    }

    [Theory]
    [InlineData("msgrelay.listeners.msp.tcp-port = 70000", "msgrelay.listeners.msp.tcp-port")]
    [InlineData("msgrelay.listeners.host = [\"not-an-ip\"]", "msgrelay.listeners.host")]
    [InlineData("msgrelay.listeners.sniff-window = 0ms", "msgrelay.listeners.sniff-window")]
    [InlineData("msgrelay.listeners.max-connections = 0", "msgrelay.listeners.max-connections")]
    [InlineData("msgrelay.listeners.udp.replies-per-second = -1", "msgrelay.listeners.udp.replies-per-second")]
    [InlineData("msgrelay.listeners.idle-timeout = soon", "msgrelay.listeners.idle-timeout")]
    [InlineData("msgrelay.listeners.socket-engine = io_uring", "msgrelay.listeners.socket-engine")]
    public void Bad_values_name_their_full_path(string config, string path)
    {
        var error = Assert.Throws<HoconException>(() => ListenerSettings.FromConfig(With(config)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
