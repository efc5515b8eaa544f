using System.Collections.Frozen;
using System.Globalization;
using MsgRelay.Hocon;
using MsgRelay.Protocols.Text;

namespace MsgRelay.Relay.Agents;

/// <summary>The <c>msgrelay.auth</c> section: per-user agent keys and the limit on failed attempts.</summary>
public sealed record AuthSettings
{
    /// <summary>The HOCON path this record is read from.</summary>
    public const string Path = "msgrelay.auth";

    /// <summary>
    /// SHA-256 of each listed user's key as 32 bytes, by user name (case-insensitive). Empty: no keys,
    /// anyone may log in as any name, and unknown recipients are answered 670 rather than 671.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> UserKeys { get; init; } = FrozenDictionary<string, byte[]>.Empty;

    /// <summary>Failed key attempts allowed per peer address per minute.</summary>
    public int MaxFailuresPerMinute { get; init; } = 5;

    /// <summary>True when a user list is configured.</summary>
    public bool HasUserList => UserKeys.Count > 0;

    /// <summary>Whether <paramref name="user"/> is listed (and so needs a key to log in).</summary>
    public bool IsListed(string user) => UserKeys.ContainsKey(user);

    /// <summary>Reads the section from a resolved config that has the reference defaults as fallback.</summary>
    /// <exception cref="HoconException">A bad value; the message names the full key path.</exception>
    public static AuthSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var keys = new Dictionary<string, byte[]>(NameComparison.Comparer);
        foreach (var user in config.GetChildKeys(Path + ".users"))
        {
            var keyPath = $"{Path}.users.\"{user}\".key-sha256";
            var hex = config.GetString(keyPath);
            if (hex.Length != 64 || !IsHex(hex))
            {
                throw new HoconException($"{Path}.users.{user}.key-sha256: must be 64 hex digits (the SHA-256 of the key), was \"{hex}\"");
            }

            keys[user] = Convert.FromHexString(hex);
        }

        var maxFailures = config.GetInt(Path + ".max-failures-per-minute");
        if (maxFailures < 1)
        {
            throw new HoconException(string.Create(CultureInfo.InvariantCulture, $"{Path}.max-failures-per-minute: must be at least 1, was {maxFailures}"));
        }

        return new AuthSettings { UserKeys = keys.ToFrozenDictionary(NameComparison.Comparer), MaxFailuresPerMinute = maxFailures };
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
