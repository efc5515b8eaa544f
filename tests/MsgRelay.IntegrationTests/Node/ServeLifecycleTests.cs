using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Node;

public class ServeLifecycleTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Serve_logs_that_it_is_up_and_exits_zero_on_SIGTERM()
    {
        await using var node = MsgRelayProcess.Start(["serve"]);
        await node.WaitForLineAsync("is up", StartTimeout);

        node.Signal(Posix.SIGTERM);

        Assert.Equal(0, await node.WaitForExitAsync(StartTimeout));
        Assert.Contains(node.Output, line => line.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_exits_zero_on_SIGINT_like_ctrl_c()
    {
        await using var node = MsgRelayProcess.Start(["serve"]);
        await node.WaitForLineAsync("is up", StartTimeout);

        node.Signal(Posix.SIGINT);

        Assert.Equal(0, await node.WaitForExitAsync(StartTimeout));
    }
}
