using MsgRelay.IntegrationTests.Infrastructure;
using MsgRelay.Testing;

namespace MsgRelay.IntegrationTests.Node;

public class ServeLifecycleTests
{
    [Fact]
    public async Task Serve_logs_that_it_is_up_and_exits_zero_on_SIGTERM()
    {
        await using var node = await RelayNode.StartAsync();

        Assert.Equal(0, await node.StopAsync());
        Assert.Contains(node.Process.Output, line => line.Contains("stopped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_exits_zero_on_SIGINT_like_ctrl_c()
    {
        await using var node = await RelayNode.StartAsync();

        node.Process.Signal(Posix.SIGINT);

        Assert.Equal(0, await node.Process.WaitForExitAsync(RelayNode.StartTimeout));
    }

    [Fact]
    public async Task SIGHUP_reloads_routes_and_the_node_keeps_serving()
    {
        await using var node = await RelayNode.StartAsync();

        node.Process.Signal(Posix.SIGHUP);

        await node.Process.WaitForLineAsync("Routes reloaded", RelayNode.StartTimeout);
        Assert.False(node.Process.HasExited);
        var reply = await WireSenders.MspTcpAsync(node.Endpoint, WireSenders.Msp2("nobody", "", "still up", "sandy", "console", "h1"), RelayNode.StartTimeout);
        Assert.StartsWith("-", reply, StringComparison.Ordinal);
        Assert.Equal(0, await node.StopAsync());
    }

    [Fact]
    public async Task Serve_refuses_to_start_on_a_port_in_use_with_one_clear_line()
    {
        await using var first = await RelayNode.StartAsync();

        var result = await MsgRelayProcess.RunAsync(
            ["serve", "--set", $"msgrelay.listeners.msp.tcp-port={first.Port}", "--set", $"msgrelay.listeners.rwp.tcp-port={first.Port}",
             "--set", "msgrelay.listeners.msp.udp-port=0", "--set", "msgrelay.listeners.rwp.udp-port=0", "--set", "msgrelay.admin.port=0"],
            RelayNode.StartTimeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot start: a port is already in use", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Serve_refuses_a_privileged_port_without_the_capability_and_says_what_to_do()
    {
        // As root (CI), drop to nobody so binding port 18 is refused as it is for a normal user. The
        // checkout may sit in a folder nobody cannot read, so nobody runs a world-readable copy.
        using var files = new TempFiles();
        IReadOnlyList<string>? launcher = null;
        if (Environment.UserName == "root")
        {
            var copy = Path.Combine(files.Folder, "node");
            CopyDirectory(Path.GetDirectoryName(RepoPaths.MsgRelayDll)!, copy);
            File.SetUnixFileMode(files.Folder, (UnixFileMode)0b111_101_101);
            launcher = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(copy, "msgrelay.dll")];
        }

        var result = await MsgRelayProcess.RunAsync(
            ["serve", "--set", "msgrelay.listeners.msp.tcp-port=18", "--set", "msgrelay.listeners.rwp.tcp-port=18",
             "--set", "msgrelay.listeners.msp.udp-port=0", "--set", "msgrelay.listeners.rwp.udp-port=0",
             "--set", "msgrelay.admin.port=0", "--set", "msgrelay.cluster.port=0"],
            RelayNode.StartTimeout,
            launcher: launcher);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no permission to bind", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_BIND_SERVICE", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_to_start_when_the_admin_port_is_in_use()
    {
        await using var first = await RelayNode.StartAsync();

        var port = FreePorts.Next();
        var result = await MsgRelayProcess.RunAsync(
            ["serve", "--set", $"msgrelay.listeners.msp.tcp-port={port}", "--set", $"msgrelay.listeners.rwp.tcp-port={port}",
             "--set", "msgrelay.listeners.msp.udp-port=0", "--set", "msgrelay.listeners.rwp.udp-port=0", "--set", $"msgrelay.admin.port={first.AdminPort}"],
            RelayNode.StartTimeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("admin HTTP address", result.StandardError, StringComparison.Ordinal);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        File.SetUnixFileMode(to, (UnixFileMode)0b111_101_101);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, (UnixFileMode)0b110_100_100);
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
