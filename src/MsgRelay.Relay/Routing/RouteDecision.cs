namespace MsgRelay.Relay.Routing;

/// <summary>Where a recipient is served, as an <see cref="IRecipientClassifier"/> decides.</summary>
public abstract record RouteDecision
{
    private protected RouteDecision()
    {
    }

    /// <summary>A user of this site: the user directory delivers.</summary>
    public static RouteDecision Local { get; } = new LocalRecipient();

    /// <summary>Answer without delivering (hop limit, no route...).</summary>
    public static RouteDecision Reject(DeliveryOutcome outcome) => new Rejected(outcome);

    /// <summary>Served by this site's directory.</summary>
    public sealed record LocalRecipient : RouteDecision;

    /// <summary>Answered at once with <paramref name="Outcome"/>.</summary>
    public sealed record Rejected(DeliveryOutcome Outcome) : RouteDecision;

    /// <summary>
    /// A user of another site: the Forwarder sends the message to <paramref name="Target"/> (the
    /// address after per-user forwards) over RWP, trying <paramref name="Via"/> in order.
    /// </summary>
    public sealed record Forward(Recipient Target, IReadOnlyList<Sites.NextHop> Via) : RouteDecision;
}
