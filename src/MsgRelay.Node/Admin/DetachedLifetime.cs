using Microsoft.Extensions.Hosting;

namespace MsgRelay.Node.Admin;

/// <summary>
/// The admin web host must not react to SIGTERM itself: the node's CoordinatedShutdown owns the
/// order (stop accepting, drain, then stop the admin endpoint), so this lifetime does nothing.
/// </summary>
internal sealed class DetachedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
