namespace MsgRelay.Relay.Sites;

/// <summary>
/// Sends one message to one next hop and returns its answer. Throws for a next hop that cannot be
/// reached or breaks the protocol (<see cref="IOException"/>, <see cref="System.Net.Sockets.SocketException"/>,
/// <see cref="RwpClientException"/>), so the Forwarder can count it against the hop's circuit and try the next one.
/// </summary>
public interface IHopClient
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="hop"/>.</summary>
    Task<HopAnswer> SendAsync(NextHop hop, OutgoingMessage message, CancellationToken cancellationToken);
}
