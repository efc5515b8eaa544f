using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// Senders that write each protocol's bytes by hand (RFC 1159, RFC 1312, RFC 1756), independent of
/// MsgRelay's own codecs, so an end-to-end test checks the wire and not the code against itself.
/// </summary>
internal static class WireSenders
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Msp1(string recipient, string terminal, string message) =>
        Latin1.GetBytes($"A{recipient}\0{terminal}\0{message}\0");

    public static byte[] Msp2(string recipient, string recipientTerm, string message, string sender, string senderTerm, string cookie, string signature = "") =>
        Latin1.GetBytes($"B{recipient}\0{recipientTerm}\0{message}\0{sender}\0{senderTerm}\0{cookie}\0{signature}\0");

    /// <summary>MSP over TCP: sends the message, then reads the `+`/`-` reply up to its NUL (v2) or EOF (v1).</summary>
    public static async Task<string> MspTcpAsync(IPEndPoint server, byte[] message, TimeSpan timeout)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var cts = new CancellationTokenSource(timeout);
        await socket.ConnectAsync(server, cts.Token);
        await socket.SendAsync(message, SocketFlags.None, cts.Token);
        if (message[0] == (byte)'A')
        {
            // v1: nothing comes back; closing our side ends the exchange.
            socket.Shutdown(SocketShutdown.Send);
        }

        var reply = new List<byte>();
        var buffer = new byte[512];
        for (var i = 0; i < 100; i++)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            if (n == 0)
            {
                break;
            }

            reply.AddRange(buffer.AsSpan(0, n).ToArray());
            if (reply.Contains(0))
            {
                break;
            }
        }

        // A shared port greets a client that was slower than its sniff window (a loaded test machine)
        // as RWP, then serves its MSP message all the same: skip that greeting, as msgrelay send does.
        var text = Latin1.GetString([.. reply]).TrimEnd('\0');
        while (text.StartsWith("100 ", StringComparison.Ordinal) && text.Contains('\n', StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
        }

        return text;
    }

    /// <summary>One datagram out; the reply datagram, or null when none arrives within <paramref name="wait"/>.</summary>
    public static async Task<byte[]?> UdpAsync(IPEndPoint server, byte[] datagram, TimeSpan wait)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        udp.Connect(server);
        await udp.SendAsync(datagram);
        using var cts = new CancellationTokenSource(wait);
        try
        {
            var result = await udp.ReceiveAsync(cts.Token);
            return result.Buffer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A whole RWP dialogue in one datagram (rwrite -u); the server answers nothing.</summary>
    public static byte[] RwpDatagram(string from, string to, params string[] bodyLines) =>
        Latin1.GetBytes($"FROM {from}\nTO {to}\nDATA\n{string.Concat(bodyLines.Select(l => l + "\n"))}.\nSEND\nQUIT\n");

    /// <summary>
    /// An RWP session the way the reference client rwrite runs it: wait for 100 before every command,
    /// TO before FROM, VRFY, DATA, SEND, BYE. Returns the code SEND got (or VRFY's failure) and any autoreply lines.
    /// </summary>
    public static async Task<RwpSendResult> RwpAsync(IPEndPoint server, string from, string to, IReadOnlyList<string> bodyLines, TimeSpan timeout)
    {
        await using var client = await LineClient.ConnectAsync(server);
        await client.ReadUntilAsync("100", timeout);
        await client.SendAsync($"TO {to}\n");
        await client.ReadUntilAsync("100", timeout);
        await client.SendAsync($"FROM {from}\n");
        await client.ReadUntilAsync("100", timeout);
        await client.SendAsync("VRFY\n");
        var verify = await client.ReadUntilAsync("100", timeout);
        var verifyCode = verify[^2][..3];
        if (verifyCode is not ("108" or "110"))
        {
            return new RwpSendResult(verifyCode, [], verify);
        }

        await client.SendAsync("DATA\n");
        await client.ReadUntilAsync("200", timeout);
        await client.SendAsync(string.Concat(bodyLines.Select(l => l + "\n")) + ".\n");
        await client.ReadUntilAsync("100", timeout);
        await client.SendAsync("SEND\n");
        var send = await client.ReadUntilAsync("100", timeout);
        await client.SendAsync("BYE\n");
        await client.ReadUntilAsync("101", timeout);
        var autoreplies = send.Where(l => l.StartsWith("300 |", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        return new RwpSendResult(send[^2][..3], autoreplies, send);
    }
}

internal sealed record RwpSendResult(string Code, IReadOnlyList<string> Autoreplies, IReadOnlyList<string> Lines);
