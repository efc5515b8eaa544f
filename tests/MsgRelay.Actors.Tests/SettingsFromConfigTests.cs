using MsgRelay.Hocon;

namespace MsgRelay.Actors.Tests;

public class SettingsFromConfigTests
{
    [Fact]
    public void Defaults_come_from_the_embedded_reference_conf()
    {
        var settings = ActorSystemSettings.FromConfig(ConfigFactory.Empty);

        Assert.Equal(30, settings.Throughput);
        Assert.Equal(10, settings.LogDeadLetters);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.CoordinatedShutdownDefaultPhaseTimeout);
        Assert.Empty(settings.CoordinatedShutdownPhaseTimeouts);
    }

    [Fact]
    public void Hocon_overrides_throughput_and_per_phase_timeouts()
    {
        var config = ConfigFactory.ParseString("msgrelay.actors { throughput = 100, coordinated-shutdown.phase-timeouts { service-requests-done = 12s } }");

        var settings = ActorSystemSettings.FromConfig(config);

        Assert.Equal(100, settings.Throughput);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.CoordinatedShutdownPhaseTimeouts["service-requests-done"]);
    }

    [Fact]
    public void A_throughput_below_one_is_rejected_naming_the_key()
    {
        var config = ConfigFactory.ParseString("msgrelay.actors.throughput = 0", "app.conf");

        var error = Assert.Throws<HoconException>(() => ActorSystemSettings.FromConfig(config));

        Assert.Contains("msgrelay.actors.throughput", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("app.conf:1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_config_builds_a_working_system()
    {
        var system = ActorSystem.Create("configured", ConfigFactory.ParseString("msgrelay.actors.throughput = 5"));
        try
        {
            Assert.Equal(5, system.Settings.Throughput);
            var echo = system.ActorOf(Props.Create(() => new EchoActor()));
            Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(3)));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor() => Receive<string>(s => Sender.Tell(s));
    }
}
