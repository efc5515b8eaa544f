using System.Net;
using MsgRelay.Hocon;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// The front ends' settings, built once from <c>msgrelay.listeners</c>. A port of 0 disables that
/// listener; equal TCP ports for MSP and RWP make one shared listener that sniffs (PROTOCOLS.md
/// section 4), equal UDP ports one shared socket. There is no "any free port" value: tests and
/// benchmarks pick free ports themselves and pass them in, so a port in the config always means
/// exactly that port.
/// </summary>
public sealed record ListenerSettings
{
    /// <summary>The path of the section this record is read from.</summary>
    public const string SectionPath = "msgrelay.listeners";

    /// <summary>Addresses to bind; empty means one dual-stack socket on every address.</summary>
    public IReadOnlyList<IPAddress> Hosts { get; init; } = [];

    /// <summary>MSP over TCP; 0 disables.</summary>
    public int MspTcpPort { get; init; } = 18;

    /// <summary>MSP over UDP; 0 disables.</summary>
    public int MspUdpPort { get; init; } = 18;

    /// <summary>RWP over TCP; 0 disables.</summary>
    public int RwpTcpPort { get; init; } = 18;

    /// <summary>RWP dialogues in datagrams; 0 disables.</summary>
    public int RwpUdpPort { get; init; } = 18;

    /// <summary>Code of RWP autoreply lines: 300 (RFC) or 555 (reference rwrite).</summary>
    public int AutoreplyCode { get; init; } = RwpReplies.AutoreplyCode;

    /// <summary>Greet with 500/501/502 before <c>100 Ready.</c>.</summary>
    public bool VerboseGreeting { get; init; }

    /// <summary>How long a shared port waits for an MSP client's first bytes.</summary>
    public TimeSpan SniffWindow { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Open TCP connections at most, over all TCP listeners of the node.</summary>
    public int MaxConnections { get; init; } = 10_000;

    /// <summary>
    /// Whether TCP connections are driven by MsgRelay's own epoll loop where the OS has one
    /// (<c>socket-engine = auto</c>), or always by .NET's socket engine (<c>dotnet</c>).
    /// </summary>
    public bool UseEpoll { get; init; } = true;

    /// <summary>A connection silent this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Longest RWP line in octets.</summary>
    public int MaxLineLength { get; init; } = RwpLineReader.DefaultMaxLineLength;

    /// <summary>Most lines in one RWP DATA body.</summary>
    public int MaxMessageLines { get; init; } = 100;

    /// <summary>Most octets in one RWP DATA body.</summary>
    public int MaxMessageBytes { get; init; } = 8 * 1024;

    /// <summary>How long a front end waits for the relay's answer to one Route or VerifyRecipient.</summary>
    public TimeSpan RouteTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>UDP replies per source address per second.</summary>
    public double UdpRepliesPerSecond { get; init; } = 20;

    /// <summary>UDP reply burst allowance per source address.</summary>
    public int UdpReplyBurst { get; init; } = 40;

    /// <summary>Window of UDP duplicate suppression (<c>msgrelay.delivery.duplicate-window</c>).</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>This node's host name for the RWP 500 greeting and HELO.</summary>
    public string LocalHost { get; init; } = Dns.GetHostName();

    /// <summary>FWDS at or above this answers 676 (<c>msgrelay.routing.max-hops</c> when present).</summary>
    public int MaxHops { get; init; } = 8;

    /// <summary>The RWP session settings these listener settings imply.</summary>
    public RwpSessionSettings ToRwpSessionSettings() => new()
    {
        LocalHost = LocalHost,
        MaxHops = MaxHops,
        MaxLineLength = MaxLineLength,
        MaxBodyLines = MaxMessageLines,
        MaxBodyBytes = MaxMessageBytes,
    };

    /// <summary>
    /// Reads the settings from a root config (holding <c>msgrelay.listeners</c>) or from the
    /// listeners section itself. <c>msgrelay.delivery.duplicate-window</c> and
    /// <c>msgrelay.routing.max-hops</c> are read too when the root is given.
    /// </summary>
    /// <exception cref="HoconException">A missing or bad value; the message names its full path.</exception>
    public static ListenerSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = config.HasPath(SectionPath) ? config : null;
        var section = root?.GetConfig(SectionPath) ?? config;
        var prefix = root is null && section.PathPrefix.Length == 0 ? SectionPath : section.PathPrefix;

        var settings = new ListenerSettings
        {
            Hosts = ReadHosts(section, prefix),
            MspTcpPort = Port(section, prefix, "msp.tcp-port"),
            MspUdpPort = Port(section, prefix, "msp.udp-port"),
            RwpTcpPort = Port(section, prefix, "rwp.tcp-port"),
            RwpUdpPort = Port(section, prefix, "rwp.udp-port"),
            AutoreplyCode = Range(section, prefix, "rwp.autoreply-code", 100, 999),
            VerboseGreeting = section.GetBoolean("rwp.verbose-greeting"),
            SniffWindow = Positive(section, prefix, "sniff-window"),
            MaxConnections = Range(section, prefix, "max-connections", 1, int.MaxValue),
            UseEpoll = ReadSocketEngine(section, prefix),
            IdleTimeout = Positive(section, prefix, "idle-timeout"),
            MaxLineLength = Range(section, prefix, "max-line-length", 16, 1024 * 1024),
            MaxMessageLines = Range(section, prefix, "max-message-lines", 1, 100_000),
            MaxMessageBytes = (int)Math.Clamp(section.GetByteSize("max-message-bytes"), 0, int.MaxValue),
            RouteTimeout = Positive(section, prefix, "route-timeout"),
            UdpRepliesPerSecond = section.GetDouble("udp.replies-per-second"),
            UdpReplyBurst = Range(section, prefix, "udp.reply-burst", 1, int.MaxValue),
        };
        if (settings.MaxMessageBytes < 1)
        {
            throw Bad(prefix, "max-message-bytes", "must be at least 1 byte");
        }

        if (settings.UdpRepliesPerSecond <= 0 || double.IsNaN(settings.UdpRepliesPerSecond))
        {
            throw Bad(prefix, "udp.replies-per-second", "must be a positive number");
        }

        if (root is not null)
        {
            if (root.HasPath("msgrelay.delivery.duplicate-window"))
            {
                settings = settings with { DuplicateWindow = root.GetTimeSpan("msgrelay.delivery.duplicate-window") };
            }

            if (root.HasPath("msgrelay.routing.max-hops"))
            {
                settings = settings with { MaxHops = root.GetInt("msgrelay.routing.max-hops") };
            }

            if (root.HasPath("msgrelay.node.name") && root.GetString("msgrelay.node.name") is { Length: > 0 } host)
            {
                settings = settings with { LocalHost = host };
            }
        }

        return settings;
    }

    private static List<IPAddress> ReadHosts(Config section, string prefix)
    {
        var hosts = new List<IPAddress>();
        if (!section.HasPath("host"))
        {
            return hosts;
        }

        // A single string is accepted as well as a list: `host = "127.0.0.1"` is the obvious thing to write.
        var raw = section.GetValue("host") is HoconArray ? section.GetStringList("host") : [section.GetString("host")];
        foreach (var text in raw)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (!IPAddress.TryParse(text, out var address))
            {
                throw Bad(prefix, "host", $"\"{text}\" is not an IP address");
            }

            hosts.Add(address);
        }

        return hosts;
    }

    private static bool ReadSocketEngine(Config section, string prefix) => section.GetString("socket-engine") switch
    {
        "auto" => true,
        "dotnet" => false,
        var other => throw Bad(prefix, "socket-engine", $"must be auto or dotnet, was \"{other}\""),
    };

    private static int Port(Config section, string prefix, string key) => Range(section, prefix, key, 0, 65535);

    private static int Range(Config section, string prefix, string key, int min, int max)
    {
        var value = section.GetLong(key);
        if (value < min || value > max)
        {
            throw Bad(prefix, key, $"must be between {min} and {max}, was {value}");
        }

        return (int)value;
    }

    private static TimeSpan Positive(Config section, string prefix, string key)
    {
        var value = section.GetTimeSpan(key);
        if (value <= TimeSpan.Zero)
        {
            throw Bad(prefix, key, $"must be a positive duration, was {value}");
        }

        return value;
    }

    private static HoconException Bad(string prefix, string key, string why) => new($"{prefix}.{key}: {why}");
}
