using System.Text.Json;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Config;

public sealed class ConfigCommandTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Config_json_prints_the_resolved_file_as_json_and_exits_zero()
    {
        var file = _files.Write("a.conf", "a { b = 1, c = ${a.b} }\nlist = [1, 2] [3]\ns = hello world\n");

        var result = await MsgRelayProcess.RunAsync(["config", "json", file], Timeout);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(1, json.RootElement.GetProperty("a").GetProperty("c").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("list").GetArrayLength());
        Assert.Equal("hello world", json.RootElement.GetProperty("s").GetString());
    }

    [Fact]
    public async Task Config_json_reports_file_line_and_column_on_stderr_and_exits_nonzero()
    {
        var file = _files.Write("bad.conf", "a {\n  b = ${missing}\n}\n");

        var result = await MsgRelayProcess.RunAsync(["config", "json", file], Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.StartsWith($"{file}:2:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("missing", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_accepts_the_defaults()
    {
        var result = await MsgRelayProcess.RunAsync(["config", "check"], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("configuration ok", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_names_the_full_path_and_line_of_an_unknown_key()
    {
        var file = _files.Write("typo.conf", "msgrelay {\n  listeners {\n    idel-timeout = 5s\n  }\n}\n");

        var result = await MsgRelayProcess.RunAsync(["config", "check", "--config", file], Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{file}:3", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("msgrelay.listeners.idel-timeout", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_rejects_a_bad_value_given_with_set()
    {
        var result = await MsgRelayProcess.RunAsync(["config", "check", "--set", "msgrelay.logging.level=loud"], Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("msgrelay.logging.level", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_check_finds_what_serve_would_reject_such_as_a_bad_next_hop()
    {
        var file = _files.Write("route.conf", "msgrelay.routing.routes = [ { domains = [\"*.x\"], via = [\"http://x\"] } ]\n");

        var result = await MsgRelayProcess.RunAsync(["config", "check", "--config", file], Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("msgrelay.routing.routes[0].via[0]", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_show_prints_the_effective_configuration_with_overrides_applied()
    {
        var file = _files.Write("node.conf", "msgrelay.admin.port = 9000\n");

        var result = await MsgRelayProcess.RunAsync(["config", "show", "--config", file, "--set", "msgrelay.admin.port=9100"], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("port = 9100", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ack-timeout", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_with_an_invalid_configuration_exits_nonzero_with_one_clear_line()
    {
        var file = _files.Write("typo.conf", "msgrelay.admn.port = 1\n");

        var result = await MsgRelayProcess.RunAsync(["serve", "--config", file], Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("invalid configuration", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("msgrelay.admn", result.StandardError, StringComparison.Ordinal);
    }
}
