using System.Text;

namespace MsgRelay.Protocols.Tests;

internal static class Bytes
{
    /// <summary>ISO 8859-1 bytes of a test literal (so "\0" and "\xE9" mean one octet each).</summary>
    public static byte[] Of(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
