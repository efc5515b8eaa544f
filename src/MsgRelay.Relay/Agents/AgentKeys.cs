using System.Security.Cryptography;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Relay.Agents;

/// <summary>Hashing and constant-time comparison of agent keys (QUOTE KEY).</summary>
public static class AgentKeys
{
    /// <summary>
    /// SHA-256 of the key's bytes as sent on the wire (one octet per character, ISO 8859-1), which for
    /// ASCII keys equals <c>printf %s KEY | sha256sum</c>.
    /// </summary>
    public static byte[] Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SHA256.HashData(Latin1.Encode(key));
    }

    /// <summary>Whether two hashes are equal, in time independent of where they differ.</summary>
    public static bool Same(byte[]? presented, byte[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return presented is not null && CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>Whether the hash matches the key of any listed user (every entry is compared, so timing tells nothing).</summary>
    public static bool MatchesAny(byte[] presented, AuthSettings auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var any = false;
        foreach (var expected in auth.UserKeys.Values)
        {
            any |= Same(presented, expected);
        }

        return any;
    }
}
