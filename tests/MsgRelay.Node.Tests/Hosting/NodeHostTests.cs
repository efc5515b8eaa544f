using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MsgRelay.Actors;
using MsgRelay.Node.Configuration;
using MsgRelay.Node.Hosting;
using MsgRelay.Relay.Listeners;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Node.Tests.Hosting;

public sealed class NodeHostTests
{
    [Fact]
    public void Host_shutdown_timeout_outlasts_every_coordinated_shutdown_phase()
    {
        var actors = ActorSystemSettings.FromConfig(NodeConfiguration.Load(null, []));
        var phases = CoordinatedShutdown.OrderedPhases.Count * actors.CoordinatedShutdownDefaultPhaseTimeout;

        Assert.True(NodeHost.ShutdownTimeout(actors) > phases);
    }

    [Fact]
    public void Host_shutdown_timeout_grows_with_a_longer_phase()
    {
        var defaults = ActorSystemSettings.FromConfig(NodeConfiguration.Load(null, []));
        var longer = ActorSystemSettings.FromConfig(NodeConfiguration.Load(null, ["msgrelay.actors.coordinated-shutdown.phase-timeouts.service-requests-done=60s"]));

        Assert.Equal(TimeSpan.FromSeconds(55), NodeHost.ShutdownTimeout(longer) - NodeHost.ShutdownTimeout(defaults));
    }

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // A node with no front ends, no admin endpoint and any free cluster port: nothing but the host,
    // the actor system and a cluster of one.
    private static IHost QuietNode()
    {
        var config = NodeConfiguration.Load(null,
        [
            "msgrelay.listeners.msp.tcp-port=0", "msgrelay.listeners.msp.udp-port=0",
            "msgrelay.listeners.rwp.tcp-port=0", "msgrelay.listeners.rwp.udp-port=0",
            "msgrelay.admin.port=0", "msgrelay.cluster.port=0", "msgrelay.logging.console.enabled=off",
        ]);
        return NodeHost.Build(new NodeStart(config, NodeSettings.FromConfig(config), RelaySettings.FromConfig(config), ListenerSettings.FromConfig(config), null, []));
    }

    [Fact]
    public async Task Host_stop_runs_coordinated_shutdown_and_waits_until_the_node_terminated()
    {
        using var host = QuietNode();
        await host.StartAsync().WaitAsync(Bound);
        var system = host.Services.GetRequiredService<NodeService>().System!;

        await host.StopAsync().WaitAsync(Bound);

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.IsType<CoordinatedShutdown.ClrExitReason>(CoordinatedShutdown.Get(system).ShutdownReason);
    }

    [Fact]
    public async Task Coordinated_shutdown_started_inside_the_node_stops_the_host()
    {
        using var host = QuietNode();
        await host.StartAsync().WaitAsync(Bound);
        var system = host.Services.GetRequiredService<NodeService>().System!;

        _ = CoordinatedShutdown.Get(system).Run(CoordinatedShutdown.ClusterDowningReason.Instance);

        await host.WaitForShutdownAsync().WaitAsync(Bound);
        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.IsType<CoordinatedShutdown.ClusterDowningReason>(CoordinatedShutdown.Get(system).ShutdownReason);
    }
}
