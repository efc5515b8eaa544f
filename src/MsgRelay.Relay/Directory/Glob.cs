namespace MsgRelay.Relay.Directory;

/// <summary>Shell-style wildcard matching: <c>*</c> any run of characters, <c>?</c> one; case-insensitive.</summary>
public static class Glob
{
    /// <summary>Whether the whole of <paramref name="text"/> matches <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string text)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(text);

        // Greedy scan with one backtrack point (the last '*'): linear in practice and never
        // exponential, whatever pattern an agent sends.
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || CharsEqual(pattern[p], text[t])))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool CharsEqual(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
