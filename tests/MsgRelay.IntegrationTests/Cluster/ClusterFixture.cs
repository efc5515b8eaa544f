namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>One three-node cluster shared by the tests that leave it as they found it.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private ThreeNodeCluster? _cluster;

    internal ThreeNodeCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync() => _cluster = await ThreeNodeCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
