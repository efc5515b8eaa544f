namespace MsgRelay.Protocols.Rwp;

/// <summary>
/// What an <see cref="RwpSession"/> needs to know about its server. The relay builds it from
/// <c>msgrelay.listeners.rwp</c> and <c>msgrelay.routing</c>; the defaults here are the fallbacks
/// for tests and tools.
/// </summary>
public sealed record RwpSessionSettings
{
    /// <summary>This server's host name, used in the 500 greeting.</summary>
    public string LocalHost { get; init; } = "localhost";

    /// <summary>The 501 text (answer to VER and second greeting line).</summary>
    public string ServerVersion { get; init; } = "MsgRelay RWP server.";

    /// <summary>
    /// FWDS at or above this answers 676 and marks the message local-only. 8 because a message
    /// that needs more than eight site hops is almost certainly looping.
    /// </summary>
    public int MaxHops { get; init; } = 8;

    /// <summary>
    /// Longest line in octets (CR LF not counted). 1024: a =XX-quoted line can triple in size,
    /// and write(1) lines are terminal-width; longer is garbage or an attack.
    /// </summary>
    public int MaxLineLength { get; init; } = RwpLineReader.DefaultMaxLineLength;

    /// <summary>Most body lines in one DATA. 100 lines fill several screens: more is not a write(1) message.</summary>
    public int MaxBodyLines { get; init; } = 100;

    /// <summary>
    /// Most octets in one decoded DATA body, line separators counted as two. 8 KiB: sixteen times
    /// what MSP allows, ample for a chat line, bounded so a session cannot hoard memory.
    /// </summary>
    public int MaxBodyBytes { get; init; } = 8 * 1024;
}
