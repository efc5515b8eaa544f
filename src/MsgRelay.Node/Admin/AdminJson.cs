using System.Text.Json;

namespace MsgRelay.Node.Admin;

/// <summary>One JSON shape for the admin endpoint and the CLI that reads it.</summary>
internal static class AdminJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
