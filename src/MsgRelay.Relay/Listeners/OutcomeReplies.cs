using System.Buffers;
using MsgRelay.Protocols.Msp;
using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Listeners;

/// <summary>
/// ARCHITECTURE.md's "Replies per outcome" table in one place: what each protocol answers for a
/// <see cref="DeliveryOutcome"/>. Pure, so every row has its own test.
/// </summary>
public static class OutcomeReplies
{
    /// <summary>Answered when the relay did not answer in time: the client may try again later.</summary>
    public static readonly RwpReply RelayBusy = new(698, "Relay busy, try again later.");

    /// <summary>MSP reason text for the same case.</summary>
    public const string RelayBusyReason = "Relay busy, try again later";

    /// <summary>The RWP answer to SEND.</summary>
    public static RwpReply ForSend(DeliveryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            DeliveryStatus.Delivered => RwpReplies.Delivered,
            DeliveryStatus.Forwarded => RwpReplies.Forwarded,
            _ => ForFailure(outcome.Status),
        };
    }

    /// <summary>The RWP answer to VRFY: 108, 110 with the address, or the failure codes of SEND.</summary>
    public static RwpReply ForVerify(DeliveryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            DeliveryStatus.Delivered => RwpReplies.RecipientOkToSend,
            DeliveryStatus.Forwarded when SplitAddress(outcome.ForwardedTo) is var (user, host) && host is not null =>
                RwpReplies.RecipientOkToForwardTo(user, host),
            DeliveryStatus.Forwarded => RwpReplies.RecipientOkToForward,
            _ => ForFailure(outcome.Status),
        };
    }

    /// <summary>
    /// Writes the whole answer to SEND in one buffer: autoreply lines (with <paramref name="autoreplyCode"/>)
    /// for a success, the code line, and <c>100 Ready.</c>.
    /// </summary>
    public static void WriteSend(IBufferWriter<byte> output, DeliveryOutcome outcome, int autoreplyCode)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsSuccess)
        {
            foreach (var text in outcome.Autoreplies)
            {
                RwpResponseWriter.WriteAutoreply(output, text, autoreplyCode);
            }
        }

        RwpResponseWriter.WriteWithReady(output, ForSend(outcome));
    }

    /// <summary>MSP v2 over TCP: <c>+</c> for delivered or forwarded, otherwise <c>-reason</c>.</summary>
    public static void WriteMsp2Tcp(IBufferWriter<byte> output, DeliveryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsSuccess)
        {
            MspWriter.WriteReply(output, positive: true);
        }
        else
        {
            MspWriter.WriteReply(output, positive: false, outcome.Reason);
        }
    }

    /// <summary>
    /// MSP v2 over UDP answers <c>+</c> only when the message named a recipient and reached them
    /// (RFC 1312); every other case is silence.
    /// </summary>
    public static bool Msp2UdpAcknowledges(DeliveryOutcome outcome, bool namedRecipient)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return namedRecipient && outcome.IsSuccess;
    }

    /// <summary>MSP v1 over UDP echoes every well-formed datagram once routing was attempted, whatever the outcome.</summary>
    public static bool Msp1UdpEchoes(DeliveryOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status != DeliveryStatus.Malformed;
    }

    private static RwpReply ForFailure(DeliveryStatus status) => status switch
    {
        DeliveryStatus.NotLoggedIn => RwpReplies.NotLoggedIn,
        DeliveryStatus.Refused => RwpReplies.Refused,
        DeliveryStatus.NoSuchUser => RwpReplies.NoSuchUser,
        DeliveryStatus.ForwardFailed => RwpReplies.UnableToForward,
        _ => RwpReplies.SyntaxError,
    };

    private static (string User, string? Host) SplitAddress(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return (string.Empty, null);
        }

        var at = address.LastIndexOf('@');
        return at <= 0 || at == address.Length - 1 ? (address, null) : (address[..at], address[(at + 1)..]);
    }
}
