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

    [Fact]
    public async Task Serve_refuses_to_start_when_the_log_file_cannot_be_written_with_one_clear_line()
    {
        using var files = new TempFiles();
        // A folder inside a regular file cannot be created, even by root.
        var blocker = files.Write("not-a-folder", "");

        var result = await MsgRelayProcess.RunAsync(
            ["serve", "--set", "msgrelay.listeners.msp.tcp-port=0", "--set", "msgrelay.listeners.rwp.tcp-port=0",
             "--set", "msgrelay.listeners.msp.udp-port=0", "--set", "msgrelay.listeners.rwp.udp-port=0",
             "--set", "msgrelay.admin.port=0", "--set", "msgrelay.cluster.port=0",
             "--set", "msgrelay.logging.file.enabled=on", "--set", $"msgrelay.logging.file.path=\"{blocker}/logs/node.log\""],
            RelayNode.StartTimeout);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot start: cannot write the log file", line, StringComparison.Ordinal);
        Assert.Contains("msgrelay.logging.file.path", line, StringComparison.Ordinal);
    }
}
