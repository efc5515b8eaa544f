using System.Globalization;
using MsgRelay.Actors;
using MsgRelay.Hocon;

namespace MsgRelay.Cluster.Tests;

public sealed class ClusterOverTcpTests : MultiNodeClusterTest
{
    [Fact]
    public async Task Three_systems_on_loopback_tcp_form_a_cluster_and_a_leaving_node_is_removed()
    {
        var first = await Cluster.StartAsync(Sys, Tcp(seed: null));
        var seed = first.SelfAddress.Port.ToString(CultureInfo.InvariantCulture);
        var second = await Cluster.StartAsync(ActorSystem.Create("test"), Tcp(seed));
        var third = await Cluster.StartAsync(ActorSystem.Create("test"), Tcp(seed));
        try
        {
            foreach (var node in new[] { first, second, third })
            {
                await AwaitMembers(node, 3);
            }

            await CoordinatedShutdown.Get(third.System).Run(CoordinatedShutdown.ClrExitReason.Instance).WaitAsync(Dilated(TimeSpan.FromSeconds(10)));

            await AwaitMembers(first, 2);
            Assert.True(third.WhenRemoved.IsCompleted);
        }
        finally
        {
            await Task.WhenAll(second.System.Terminate(), third.System.Terminate());
        }
    }

    private static Config Tcp(string? seed) => ConfigFactory.ParseString(
        $"msgrelay.cluster {{ host = \"127.0.0.1\", port = 0, seed-nodes = [{(seed is null ? "" : $"\"127.0.0.1:{seed}\"")}] }}\n{FastConfig}");
}
