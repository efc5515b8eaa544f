using System.Text.Json;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Node;

/// <summary>A real node writing its log to a file sink (msgrelay.logging.file).</summary>
public sealed class FileLoggingTests
{
    [Fact]
    public async Task Serve_writes_json_lines_to_the_configured_file_with_per_namespace_levels()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Folder, "logs", "node.log");
        await using var node = await RelayNode.StartAsync(extraArgs:
        [
            "--set", "msgrelay.logging.level=warning",
            "--set", "msgrelay.logging.overrides.MsgRelay.Node=information",
            "--set", "msgrelay.logging.file.enabled=on",
            "--set", $"msgrelay.logging.file.path=\"{path}\"",
        ]);

        Assert.Equal(0, await node.StopAsync());

        var events = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var messages = events.Select(e => e.GetProperty("RenderedMessage").GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("is up", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("stopped", StringComparison.Ordinal));
        // Below warning only the overridden namespace gets through.
        Assert.All(
            events.Where(e => e.GetProperty("Level").GetString() is "Information" or "Debug" or "Verbose"),
            e => Assert.StartsWith("MsgRelay.Node", e.GetProperty("Properties").GetProperty("SourceContext").GetString(), StringComparison.Ordinal));
    }
}
