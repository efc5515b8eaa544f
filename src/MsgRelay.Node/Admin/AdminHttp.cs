using System.Globalization;

namespace MsgRelay.Node.Admin;

/// <summary>An HTTP client for a node's admin endpoint given as host[:port] (port defaults to 8018).</summary>
internal static class AdminHttp
{
    public const int DefaultPort = 8018;

    public static HttpClient Create(string server) =>
        new() { BaseAddress = BaseAddress(server), Timeout = TimeSpan.FromSeconds(10) };

    internal static Uri BaseAddress(string server)
    {
        var colon = server.LastIndexOf(':');
        var bracket = server.LastIndexOf(']');
        var hasPort = colon > bracket && colon > 0
            && int.TryParse(server.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        var host = hasPort ? server[..colon] : server;
        var port = hasPort ? server[(colon + 1)..] : DefaultPort.ToString(CultureInfo.InvariantCulture);
        return new Uri($"http://{host}:{port}/");
    }
}
