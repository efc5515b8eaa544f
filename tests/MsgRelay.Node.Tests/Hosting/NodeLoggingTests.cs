using System.Text.Json;
using Microsoft.Extensions.Logging;
using MsgRelay.Node.Configuration;
using MsgRelay.Node.Hosting;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Xunit;

namespace MsgRelay.Node.Tests.Hosting;

public sealed class NodeLoggingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msgrelay-logging-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LoggingSettings FileOnly(bool json, long maxSize = 1024 * 1024, int? retained = 5, LogEventLevel level = LogEventLevel.Information,
        Dictionary<string, LogEventLevel>? overrides = null) => new()
    {
        Level = level,
        Overrides = overrides ?? [],
        Console = new ConsoleLogSettings { Enabled = false, Json = false },
        File = new FileLogSettings
        {
            Enabled = true,
            Path = Path.Combine(_folder, "sub", "node.log"),
            Json = json,
            Rolling = LogFileRolling.Size,
            MaxSize = maxSize,
            RetainedFiles = retained,
        },
    };

    // Logs through Microsoft.Extensions.Logging as the node does, then disposes the logger so
    // every event is on disk.
    private static void Write(LoggingSettings settings, Action<ILoggerFactory> log)
    {
        using var factory = new SerilogLoggerFactory(NodeLogging.CreateLogger(settings), dispose: true);
        log(factory);
    }

    private string[] Lines() =>
        Directory.GetFiles(Path.Combine(_folder, "sub")).Order(StringComparer.Ordinal).SelectMany(File.ReadAllLines).ToArray();

    [Fact]
    public void Json_file_sink_writes_one_object_per_event_with_its_properties()
    {
        Write(FileOnly(json: true), f => f.CreateLogger("MsgRelay.Relay.Test").LogInformation("delivered to {User}", "alice"));

        var line = Assert.Single(Lines());
        using var json = JsonDocument.Parse(line);
        Assert.Equal("delivered to \"alice\"", json.RootElement.GetProperty("RenderedMessage").GetString());
        Assert.Equal("alice", json.RootElement.GetProperty("Properties").GetProperty("User").GetString());
        Assert.Equal("MsgRelay.Relay.Test", json.RootElement.GetProperty("Properties").GetProperty("SourceContext").GetString());
    }

    [Fact]
    public void Text_file_sink_writes_the_date_level_message_and_category()
    {
        Write(FileOnly(json: false), f => f.CreateLogger("MsgRelay.Relay.Test").LogWarning("refused {Peer}", "10.0.0.1:99"));

        var line = Assert.Single(Lines());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{2}:\d{2} \[WRN\] refused 10\.0\.0\.1:99  \(MsgRelay\.Relay\.Test", line);
    }

    [Fact]
    public void File_sink_rolls_at_max_size_and_keeps_only_the_retained_count()
    {
        Write(FileOnly(json: false, maxSize: 1024, retained: 2), f =>
        {
            var log = f.CreateLogger("Roll");
            for (var i = 0; i < 60; i++)
            {
                log.LogInformation("event {Number} {Padding}", i, new string('x', 80));
            }
        });

        var files = Directory.GetFiles(Path.Combine(_folder, "sub"));
        Assert.Equal(2, files.Length);
        // A file is closed once it reached the limit, so it may pass it by the one event that crossed it.
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 1024 + 200));
        Assert.Contains(Lines(), l => l.Contains("event 59 ", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(), l => l.Contains("event 0 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Override_lowers_the_level_for_one_namespace_only()
    {
        var settings = FileOnly(json: false, level: LogEventLevel.Warning, overrides: new() { ["MsgRelay.Remote"] = LogEventLevel.Debug });

        Write(settings, f =>
        {
            f.CreateLogger("MsgRelay.Remote.Transport").LogDebug("remote detail");
            f.CreateLogger("MsgRelay.Relay.Router").LogDebug("relay detail");
            f.CreateLogger("MsgRelay.Relay.Router").LogWarning("relay warning");
        });

        var lines = Lines();
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("remote detail", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("relay warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Disabled_file_sink_creates_no_file()
    {
        var settings = FileOnly(json: true) with { File = FileOnly(json: true).File with { Enabled = false } };

        Write(settings, f => f.CreateLogger("X").LogError("nowhere"));

        Assert.False(Directory.Exists(Path.Combine(_folder, "sub")));
    }

    [Fact]
    public void Admin_web_stack_starts_at_warning_unless_configured()
    {
        var quiet = FileOnly(json: false);
        var loud = FileOnly(json: false, overrides: new() { ["Microsoft.AspNetCore"] = LogEventLevel.Debug });

        Assert.Equal(LogEventLevel.Warning, NodeLogging.Overrides(quiet)["Microsoft.AspNetCore"]);
        Assert.Equal(LogEventLevel.Error, NodeLogging.Overrides(quiet with { Level = LogEventLevel.Error })["Microsoft.AspNetCore"]);
        Assert.Equal(LogEventLevel.Debug, NodeLogging.Overrides(loud)["Microsoft.AspNetCore"]);
    }

    [Fact]
    public void File_problem_names_an_unwritable_path_and_accepts_a_writable_one()
    {
        var blocker = Path.Combine(_folder, "file");
        File.WriteAllText(blocker, "");
        var blocked = FileOnly(json: true).File with { Path = Path.Combine(blocker, "logs", "node.log") };

        Assert.Contains(blocked.Path, NodeLogging.FileProblem(blocked), StringComparison.Ordinal);
        Assert.Null(NodeLogging.FileProblem(FileOnly(json: true).File));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "sub")));
    }
}
