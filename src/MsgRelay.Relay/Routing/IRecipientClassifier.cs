namespace MsgRelay.Relay.Routing;

/// <summary>
/// Decides whether a recipient is local or belongs elsewhere: the seam where sites and forwarding
/// plug in (a later issue adds a decision that hands the message to a Forwarder).
/// </summary>
public interface IRecipientClassifier
{
    /// <summary>Classifies <paramref name="to"/>; <paramref name="hops"/> and <paramref name="localOnly"/> come from FWDS.</summary>
    RouteDecision Classify(Recipient to, int hops, bool localOnly);
}

/// <summary>Every recipient is local, whatever its host: a single site without forwarding.</summary>
public sealed class LocalRecipientClassifier : IRecipientClassifier
{
    /// <summary>The one instance.</summary>
    public static LocalRecipientClassifier Instance { get; } = new();

    /// <inheritdoc />
    public RouteDecision Classify(Recipient to, int hops, bool localOnly) => RouteDecision.Local;
}
