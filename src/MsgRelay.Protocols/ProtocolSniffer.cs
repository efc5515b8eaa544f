using System.Buffers;

namespace MsgRelay.Protocols;

/// <summary>
/// Tells MSP from RWP on the shared port 18 (PROTOCOLS.md section 4).
/// </summary>
public static class ProtocolSniffer
{
    /// <summary>
    /// UDP: a datagram whose first octet is <c>A</c> or <c>B</c> and that contains a NUL is MSP;
    /// anything else (the empty datagram included) is RWP. Never returns <see cref="WireProtocol.Undecided"/>.
    /// </summary>
    public static WireProtocol ClassifyDatagram(ReadOnlySpan<byte> datagram) =>
        datagram.Length > 0 && IsRevision(datagram[0]) && datagram.Contains((byte)0) ? WireProtocol.Msp : WireProtocol.Rwp;

    /// <summary>
    /// TCP: decides from the first bytes a client sent before the server greeted. An MSP message
    /// starts with <c>A</c> or <c>B</c> and its first part ends in NUL, and a user name holds no line
    /// break, so a NUL before any CR or LF means MSP, and a line break first (<c>BYE</c>) means RWP.
    /// </summary>
    /// <param name="firstBytes">Everything received so far.</param>
    /// <param name="windowClosed">True once the sniff window has ended (or the peer half-closed):
    /// then whatever is still undecided is RWP, as silence is.</param>
    public static WireProtocol SniffStream(in ReadOnlySequence<byte> firstBytes, bool windowClosed = false)
    {
        if (firstBytes.IsEmpty)
        {
            return windowClosed ? WireProtocol.Rwp : WireProtocol.Undecided;
        }

        if (!IsRevision(SequenceBytes.First(firstBytes)))
        {
            return WireProtocol.Rwp;
        }

        // No valid MSP message is longer than 511 octets, so neither is the search.
        var window = firstBytes.Length > 511 ? firstBytes.Slice(0, 511) : firstBytes;
        foreach (var segment in window)
        {
            var at = segment.Span.IndexOfAny((byte)0, (byte)'\n', (byte)'\r');
            if (at >= 0)
            {
                return segment.Span[at] == 0 ? WireProtocol.Msp : WireProtocol.Rwp;
            }
        }

        return windowClosed || firstBytes.Length > 511 ? WireProtocol.Rwp : WireProtocol.Undecided;
    }

    private static bool IsRevision(byte b) => b is (byte)'A' or (byte)'B';
}
