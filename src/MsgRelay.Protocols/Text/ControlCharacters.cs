using System.Buffers;

namespace MsgRelay.Protocols.Text;

/// <summary>
/// The control codes RFC 1312 forbids in displayed text: C0 (0x00-0x1F), DEL (0x7F) and C1
/// (0x80-0x9F). C1 counts because 0x9B is a one-octet CSI on VT-style terminals, which would make
/// escape sequences possible without ESC.
/// </summary>
public static class ControlCharacters
{
    private static readonly SearchValues<byte> AnyControl = SearchValues.Create(BuildSet(allowLineBreaks: false));
    private static readonly SearchValues<byte> ControlExceptLineBreaks = SearchValues.Create(BuildSet(allowLineBreaks: true));
    private static readonly SearchValues<char> AnyControlChar = SearchValues.Create(ToChars(BuildSet(allowLineBreaks: false)));
    private static readonly SearchValues<char> ControlCharExceptTab = SearchValues.Create(ToChars(BuildSet(allowLineBreaks: false)).Where(c => c != '\t').ToArray());

    /// <summary>True for C0, DEL and C1 codes.</summary>
    public static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    /// <summary>
    /// Index of the first forbidden octet, or -1. With <paramref name="allowLineBreaks"/> CR, LF and
    /// TAB are allowed (the MSP MESSAGE part); otherwise no control code is.
    /// </summary>
    public static int IndexOfForbidden(ReadOnlySpan<byte> text, bool allowLineBreaks) =>
        text.IndexOfAny(allowLineBreaks ? ControlExceptLineBreaks : AnyControl);

    /// <summary>True when a possibly multi-segment sequence holds a forbidden octet.</summary>
    public static bool ContainsForbidden(in ReadOnlySequence<byte> text, bool allowLineBreaks)
    {
        foreach (var segment in text)
        {
            if (IndexOfForbidden(segment.Span, allowLineBreaks) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the string holds any control code (CR, LF and TAB included).</summary>
    public static bool ContainsAny(ReadOnlySpan<char> text) => text.ContainsAny(AnyControlChar);

    /// <summary>True when the string holds a control code other than TAB (an RWP command line, where TAB separates words).</summary>
    public static bool ContainsAnyExceptTab(ReadOnlySpan<char> text) => text.ContainsAny(ControlCharExceptTab);

    private static byte[] BuildSet(bool allowLineBreaks)
    {
        var set = new List<byte>();
        for (var b = 0; b < 256; b++)
        {
            if (IsControl((char)b) && !(allowLineBreaks && (b == '\r' || b == '\n' || b == '\t')))
            {
                set.Add((byte)b);
            }
        }

        return set.ToArray();
    }

    private static char[] ToChars(byte[] bytes) => Array.ConvertAll(bytes, b => (char)b);
}
