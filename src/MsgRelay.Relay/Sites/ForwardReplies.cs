using MsgRelay.Relay.Routing;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// The far side's answer to SEND as this site's outcome: delivered or forwarded there is
/// "forwarded" here (104), its refusals keep their meaning (669/670/671), anything else (its own
/// 676/677, a syntax error, a busy relay) is "unable to forward" (677).
/// </summary>
public static class ForwardReplies
{
    /// <summary>Maps the next hop's <paramref name="answer"/> for the recipient <paramref name="target"/>.</summary>
    public static DeliveryOutcome ToOutcome(HopAnswer answer, Recipient target)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(target);
        return answer.Code switch
        {
            103 or 104 => DeliveryOutcome.Forwarded($"{target.User}@{target.Host}", answer.Autoreplies),
            669 => DeliveryOutcome.Refused(target.ToString()),
            670 => DeliveryOutcome.NotLoggedIn(target.ToString()),
            671 => DeliveryOutcome.NoSuchUser(target.ToString()),
            // The next hop stays in the log (Forwarded event); senders only learn the far side's code.
            var code => DeliveryOutcome.ForwardFailed($"unable to forward: the next site answered {code}"),
        };
    }
}
