using MsgRelay.Hocon;

namespace MsgRelay.Remote;

/// <summary>The <c>msgrelay.remote</c> section, read once.</summary>
public sealed record RemoteSettings
{
    /// <summary>Largest frame payload in bytes.</summary>
    public int MaximumFrameSize { get; init; } = 256 * 1024;

    /// <summary>Messages queued per peer before new ones are dropped.</summary>
    public int SendQueueSize { get; init; } = 10000;

    /// <summary>First reconnect delay.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest reconnect delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest connect attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Test only: the control file of <see cref="Testing.FaultInjection"/> when
    /// <c>testing.fault-injection</c> is on, otherwise null (no fault injection).
    /// </summary>
    public string? FaultInjectionFile { get; init; }

    /// <summary>Reads <c>msgrelay.remote</c> from a config that has the reference defaults as fallback.</summary>
    public static RemoteSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var c = config.GetConfig("msgrelay.remote");
        var frame = c.GetByteSize("maximum-frame-size");
        if (frame is < 1024 or > 64 * 1024 * 1024)
        {
            throw new ArgumentException("msgrelay.remote.maximum-frame-size must be between 1KiB and 64MiB");
        }
        var queue = c.GetInt("send-queue-size");
        if (queue < 1)
        {
            throw new ArgumentException("msgrelay.remote.send-queue-size must be at least 1");
        }
        var faultFile = c.GetString("testing.fault-injection-file");
        var faults = c.GetBoolean("testing.fault-injection");
        if (faults && string.IsNullOrWhiteSpace(faultFile))
        {
            throw new ArgumentException("msgrelay.remote.testing.fault-injection = on needs msgrelay.remote.testing.fault-injection-file");
        }
        return new RemoteSettings
        {
            MaximumFrameSize = (int)frame,
            SendQueueSize = queue,
            MinBackoff = c.GetTimeSpan("min-backoff"),
            MaxBackoff = c.GetTimeSpan("max-backoff"),
            ConnectTimeout = c.GetTimeSpan("connect-timeout"),
            FaultInjectionFile = faults ? faultFile : null,
        };
    }

    /// <summary>The module's embedded defaults.</summary>
    public static Config Reference { get; } = ConfigFactory.FromEmbeddedReferences(typeof(RemoteSettings).Assembly);
}
