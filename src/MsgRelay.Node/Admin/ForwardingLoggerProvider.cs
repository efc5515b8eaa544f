using Microsoft.Extensions.Logging;

namespace MsgRelay.Node.Admin;

/// <summary>Lets the web host's logging pipeline (with its filters) write through the node's logger factory.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The node owns the target factory and disposes it.
    }
}
