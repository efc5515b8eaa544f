using MsgRelay.Node.Configuration;
using Serilog.Events;
using Xunit;

namespace MsgRelay.Node.Tests.Configuration;

public sealed class LoggingSettingsTests
{
    private static LoggingSettings Load(params string[] overrides) =>
        NodeSettings.FromConfig(NodeConfiguration.Load(null, overrides)).Logging;

    [Fact]
    public void Defaults_are_text_on_the_console_and_no_file()
    {
        var logging = Load();

        Assert.Equal(LogEventLevel.Information, logging.Level);
        Assert.Empty(logging.Overrides);
        Assert.True(logging.Console.Enabled);
        Assert.False(logging.Console.Json);
        Assert.False(logging.File.Enabled);
        Assert.True(logging.File.Json);
        Assert.Equal(LogFileRolling.Size, logging.File.Rolling);
        Assert.Equal(100L * 1024 * 1024, logging.File.MaxSize);
        Assert.Equal(5, logging.File.RetainedFiles);
        Assert.False(logging.UsesLegacyJsonKey);
    }

    [Fact]
    public void File_sink_settings_are_read_with_units_and_a_path_made_absolute()
    {
        var logging = Load(
            "msgrelay.logging.file.enabled=on",
            "msgrelay.logging.file.path=logs/node.log",
            "msgrelay.logging.file.json=off",
            "msgrelay.logging.file.rolling=day",
            "msgrelay.logging.file.max-size=10 MiB",
            "msgrelay.logging.file.retained-files=0");

        Assert.True(logging.File.Enabled);
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "logs", "node.log"), logging.File.Path);
        Assert.False(logging.File.Json);
        Assert.Equal(LogFileRolling.Day, logging.File.Rolling);
        Assert.Equal(10L * 1024 * 1024, logging.File.MaxSize);
        Assert.Null(logging.File.RetainedFiles);
    }

    [Fact]
    public void Overrides_accept_quoted_and_dotted_namespaces()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """msgrelay.logging.overrides { "MsgRelay.Remote" = debug, MsgRelay.Cluster.Gossip = warning, Microsoft = error }""");
            var logging = NodeSettings.FromConfig(NodeConfiguration.Load(file, [])).Logging;

            Assert.Equal(3, logging.Overrides.Count);
            Assert.Equal(LogEventLevel.Debug, logging.Overrides["MsgRelay.Remote"]);
            Assert.Equal(LogEventLevel.Warning, logging.Overrides["MsgRelay.Cluster.Gossip"]);
            Assert.Equal(LogEventLevel.Error, logging.Overrides["Microsoft"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Old_logging_json_key_still_selects_json_on_the_console()
    {
        var logging = Load("msgrelay.logging.json=true");

        Assert.True(logging.Console.Json);
        Assert.True(logging.UsesLegacyJsonKey);
    }

    [Theory]
    [InlineData("msgrelay.logging.overrides.MsgRelay.Remote=loud", "msgrelay.logging.overrides.MsgRelay.Remote")]
    [InlineData("msgrelay.logging.file.rolling=hourly", "msgrelay.logging.file.rolling")]
    [InlineData("msgrelay.logging.file.max-size=100", "msgrelay.logging.file.max-size")]
    [InlineData("msgrelay.logging.file.retained-files=-1", "msgrelay.logging.file.retained-files")]
    [InlineData("msgrelay.logging.file.path=\"\"", "msgrelay.logging.file.path")]
    public void Bad_values_name_the_key(string assignment, string key)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("msgrelay.logging.file.enabled=on", assignment));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_under_a_sink_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load("msgrelay.logging.file.max-files=3"));

        Assert.Contains("msgrelay.logging.file.max-files", e.Message, StringComparison.Ordinal);
    }
}
