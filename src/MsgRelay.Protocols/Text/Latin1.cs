using System.Buffers;
using System.Text;

namespace MsgRelay.Protocols.Text;

/// <summary>
/// ISO 8859-1, the character set of all three protocols: one octet is one character, so every
/// byte sequence decodes and a decoded string re-encodes to the same bytes.
/// </summary>
public static class Latin1
{
    /// <summary>Decodes octets to a string, one char per octet.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? string.Empty : Encoding.Latin1.GetString(bytes);

    /// <summary>Decodes a possibly multi-segment sequence, one char per octet.</summary>
    public static string Decode(in ReadOnlySequence<byte> bytes)
    {
        if (bytes.IsSingleSegment)
        {
            return Decode(bytes.FirstSpan);
        }

        return Encoding.Latin1.GetString(bytes);
    }

    /// <summary>Encodes text to octets; characters outside ISO 8859-1 become <c>?</c>.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>Writes text as ISO 8859-1 octets; characters outside the set become <c>?</c>.</summary>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(text.Length);
        var written = Encoding.Latin1.GetBytes(text, span);
        output.Advance(written);
    }

    /// <summary>Writes one octet.</summary>
    public static void WriteByte(IBufferWriter<byte> output, byte value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
