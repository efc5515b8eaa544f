using MsgRelay.Protocols.Rwp;
using MsgRelay.Relay.Directory;

namespace MsgRelay.Relay.Agents;

/// <summary>The QUOTE commands of an agent session, before and after AGENT.</summary>
public sealed partial class AgentSession
{
    /// <summary>Most ALLOW/DENY rules per session: each message is checked against all of them.</summary>
    public const int MaxFilters = 64;

    private void OnLoggingInCommand(RwpCommand command)
    {
        var quote = (RwpCommand.Quote)command;
        switch (quote.Name)
        {
            case RwpQuoteNames.Key:
                OnKey(quote.Arguments);
                break;
            case RwpQuoteNames.Agent:
                OnAgent(quote.Arguments);
                break;
            case RwpQuoteNames.Ack or RwpQuoteNames.Mesg or RwpQuoteNames.Away or RwpQuoteNames.Allow or RwpQuoteNames.Deny:
                Reply(AgentReplies.NotRegistered);
                break;
            default:
                Reply(RwpReplies.UnknownQuote);
                break;
        }
    }

    private void OnActiveCommand(RwpCommand command)
    {
        var quote = (RwpCommand.Quote)command;
        switch (quote.Name)
        {
            case RwpQuoteNames.Ack:
                OnAck(quote.Arguments.Trim());
                break;
            case RwpQuoteNames.Mesg:
                OnMesg(quote.Arguments.Trim());
                break;
            case RwpQuoteNames.Away:
                ChangePreferences(_preferences with { AwayText = quote.Arguments.Trim() });
                break;
            case RwpQuoteNames.Allow or RwpQuoteNames.Deny:
                OnFilter(quote.Name == RwpQuoteNames.Allow, quote.Arguments.Trim());
                break;
            case RwpQuoteNames.Agent or RwpQuoteNames.Key:
                Reply(AgentReplies.AlreadyRegistered);
                break;
            default:
                Reply(RwpReplies.UnknownQuote);
                break;
        }
    }

    private void OnKey(string arguments)
    {
        var token = arguments.Trim();
        if (token.Length == 0 || token.Contains(' ', StringComparison.Ordinal))
        {
            Reply(RwpReplies.SyntaxError);
            return;
        }

        if (IsRateLimited())
        {
            return;
        }

        var hash = AgentKeys.Hash(token);
        if (_settings.Auth.HasUserList && !AgentKeys.MatchesAny(hash, _settings.Auth))
        {
            _keyHash = null;
            Fail("-", "key matches no user");
            return;
        }

        // Without a user list keys are not needed; accepting one keeps agents that always send it working.
        _keyHash = hash;
        Reply(RwpReplies.KeyAccepted);
    }

    private void OnAgent(string arguments)
    {
        var words = arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 1 or > 2 || !IsName(words[0]) || (words.Length == 2 && !IsTty(words[1])))
        {
            Reply(RwpReplies.SyntaxError);
            return;
        }

        var user = words[0];
        if (_settings.Auth.UserKeys.TryGetValue(user, out var expected))
        {
            if (IsRateLimited())
            {
                return;
            }

            if (!AgentKeys.Same(_keyHash, expected))
            {
                Fail(user, _keyHash is null ? "no key given" : "key of another user");
                return;
            }
        }

        _user = user;
        _loginTime = Now;
        _lastActivity = _loginTime;
        _registry.Tell(new RegisterLocalSession(Self, user, words.Length == 2 ? words[1] : null, _loginTime));
        Registering();
    }

    private bool IsRateLimited()
    {
        if (!_limiter.IsBlocked(_connection.Peer, Now))
        {
            return false;
        }

        AgentSessionLog.KeyRateLimited(_log, _connection.Peer, _settings.Auth.MaxFailuresPerMinute);
        Reply(AgentReplies.TooManyKeyFailures);
        return true;
    }

    private void Fail(string user, string reason)
    {
        _limiter.RecordFailure(_connection.Peer, Now);
        AgentSessionLog.KeyRejected(_log, _connection.Peer, user, reason);
        Reply(RwpReplies.KeyRejected);
    }

    private void OnMesg(string argument)
    {
        bool? enabled = argument.ToUpperInvariant() switch
        {
            "Y" or "YES" => true,
            "N" or "NO" => false,
            _ => null,
        };
        if (enabled is null)
        {
            Reply(RwpReplies.SyntaxError);
            return;
        }

        ChangePreferences(_preferences with { MesgEnabled = enabled.Value });
    }

    private void OnFilter(bool allow, string glob)
    {
        if (!SenderFilter.TryParse(allow, glob, out var filter))
        {
            Reply(RwpReplies.SyntaxError);
            return;
        }

        if (_preferences.Filters.Count >= MaxFilters)
        {
            Reply(AgentReplies.TooManyFilters);
            return;
        }

        ChangePreferences(_preferences with { Filters = [.. _preferences.Filters, filter!] });
    }

    private void ChangePreferences(SessionPreferences preferences)
    {
        _preferences = preferences;
        _directory.Tell(new ShardEnvelope(UserDirectory.EntityIdOf(_user), new UpdateSessionPreferences(_user, Self, preferences)));
        _registry.Tell(new LocalSessionChanged(Self, _lastActivity, preferences));
        Reply(RwpReplies.QuoteOk);
    }

    // The parser already refused control codes; '@' would make `user@host` ambiguous and '*' is RECIP-TERM's "all".
    private static bool IsName(string word) => !word.Contains('@', StringComparison.Ordinal) && word != "*" && word.Length <= 64;

    private static bool IsTty(string word) => word != "*" && word.IndexOfAny(['[', ']']) < 0 && word.Length <= 64;
}
