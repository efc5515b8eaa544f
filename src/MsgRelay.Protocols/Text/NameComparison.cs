namespace MsgRelay.Protocols.Text;

/// <summary>
/// All three protocols compare names, terminals and cookies case-insensitively (RFC 1312). One
/// comparer for the whole code base keeps "alice" and "ALICE" the same user everywhere.
/// </summary>
public static class NameComparison
{
    /// <summary>The comparer for user names, terminals, hosts and cookies (dictionary keys too).</summary>
    public static StringComparer Comparer => StringComparer.OrdinalIgnoreCase;

    /// <summary>Case-insensitive equality of two protocol names.</summary>
    public static bool NamesEqual(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
