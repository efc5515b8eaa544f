namespace MsgRelay.Relay.Sessions;

/// <summary>Bytes the transport read from the client; the actor owns the array.</summary>
public sealed record ConnectionReceived(byte[] Data);

/// <summary>
/// The client closed its side, or the connection failed (<paramref name="Error"/> non-null);
/// <paramref name="TransportFault"/> when the failure was the transport's own (a bug, not the network).
/// </summary>
public sealed record ConnectionPeerClosed(string? Error, bool TransportFault = false);

/// <summary>
/// Asks a connection to finish the message it is routing, write that answer and close (coordinated
/// shutdown, phase service-requests-done). RWP clients are told <c>666</c> first.
/// </summary>
public sealed record ConnectionDrain
{
    /// <summary>The one instance.</summary>
    public static ConnectionDrain Instance { get; } = new();
}

/// <summary>Time to check whether the pending Route or VerifyRecipient has waited too long.</summary>
internal sealed record RouteDeadline
{
    public static RouteDeadline Instance { get; } = new();
}

/// <summary>The sniff window of a shared port ended.</summary>
internal sealed record SniffWindowEnded
{
    public static SniffWindowEnded Instance { get; } = new();
}

/// <summary>Time to check whether the connection was silent for the idle timeout.</summary>
internal sealed record IdleCheck
{
    public static IdleCheck Instance { get; } = new();
}
