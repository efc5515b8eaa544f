using System.Text;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>Bytes on the wire for tests.</summary>
public static class Wire
{
    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>An MSP v2 message, cookie "c1" unless given.</summary>
    public static byte[] Msp2(string recipient, string body, string sender = "sandy", string cookie = "c1", string recipientTerm = "", string senderTerm = "console") =>
        MspWriter.ToArray(new MspMessage(2, recipient, recipientTerm, body, sender, senderTerm, cookie, string.Empty));

    public static byte[] Msp1(string recipient, string body, string terminal = "") =>
        MspWriter.ToArray(MspMessage.V1(recipient, terminal, body));

    /// <summary>RFC 1312's worked example, 57 octets.</summary>
    public static byte[] RfcExample => Latin1("Bchris\0\0Hi\r\nHow about lunch?\0sandy\0console\0910806121325\0\0");

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
