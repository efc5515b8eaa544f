namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>One `msgrelay serve` shared by the tests of a class (they use distinct user names).</summary>
public sealed class SingleNodeFixture : IAsyncLifetime
{
    private RelayNode? _node;

    internal RelayNode Node => _node ?? throw new InvalidOperationException("node not started");

    public async Task InitializeAsync() =>
        _node = await RelayNode.StartAsync("node1", ["--set", "msgrelay.delivery.ack-timeout=2s"]);

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
