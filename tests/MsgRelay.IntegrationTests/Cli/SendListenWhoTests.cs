using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Cli;

/// <summary>The client commands against a real node: `listen` as the agent, `send` by each protocol, `who`.</summary>
public sealed class SendListenWhoTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);

    private RelayNode Node => fixture.Node;

    [Theory]
    [InlineData("rwp")]
    [InlineData("msp")]
    [InlineData("msp-udp")]
    public async Task Send_by_each_protocol_reaches_listen_which_prints_it_like_write(string protocol)
    {
        var user = $"bob-{protocol}";
        await using var listen = MsgRelayProcess.Start(["listen", "--user", user, "--tty", "pts/4", "--server", Node.Server]);
        await listen.WaitForLineAsync($"listening as {user}", Timeout);

        var send = await MsgRelayProcess.RunAsync(["send", "--server", Node.Server, "--protocol", protocol, "--from", "alice", user, "lunch", "at", "noon?"], Timeout);

        Assert.Equal(0, send.ExitCode);
        Assert.Contains("delivered", send.StandardOutput, StringComparison.Ordinal);
        await listen.WaitForLineAsync("Message from alice@127.0.0.1", Timeout);
        await listen.WaitForLineAsync("lunch at noon?", Timeout);
        await listen.WaitForLineAsync("EOF", Timeout);
    }

    [Fact]
    public async Task Send_reads_the_message_from_stdin_and_shows_the_away_autoreply()
    {
        await using var listen = MsgRelayProcess.Start(["listen", "--user", "carol", "--server", Node.Server, "--away", "gone fishing"]);
        await listen.WaitForLineAsync("listening as carol", Timeout);

        var send = await MsgRelayProcess.RunAsync(["send", "--server", Node.Server, "--from", "alice", "carol"], Timeout, standardInput: "line one\nline two\n");

        Assert.Equal(0, send.ExitCode);
        Assert.Contains("gone fishing", send.StandardOutput, StringComparison.Ordinal);
        await listen.WaitForLineAsync("line two", Timeout);
    }

    [Fact]
    public async Task Send_to_a_user_not_logged_in_exits_nonzero_with_the_reason()
    {
        var send = await MsgRelayProcess.RunAsync(["send", "--server", Node.Server, "--from", "alice", "nobody-here", "hi"], Timeout);

        Assert.NotEqual(0, send.ExitCode);
        Assert.Contains("not logged in", send.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Who_lists_a_listening_user_with_tty_and_node()
    {
        await using var listen = MsgRelayProcess.Start(["listen", "--user", "dave", "--tty", "pts/9", "--server", Node.Server]);
        await listen.WaitForLineAsync("listening as dave", Timeout);

        var who = await MsgRelayProcess.RunAsync(["who", "--server", $"127.0.0.1:{Node.AdminPort}"], Timeout);

        Assert.Equal(0, who.ExitCode);
        var row = Assert.Single(who.StandardOutput.Split('\n'), l => l.StartsWith("dave ", StringComparison.Ordinal));
        Assert.Contains("pts/9", row, StringComparison.Ordinal);
        Assert.Contains(Node.Name, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_exits_zero_on_SIGTERM_and_logs_the_user_out()
    {
        await using var listen = MsgRelayProcess.Start(["listen", "--user", "erik", "--server", Node.Server]);
        await listen.WaitForLineAsync("listening as erik", Timeout);

        listen.Signal(Posix.SIGTERM);

        Assert.Equal(0, await listen.WaitForExitAsync(Timeout));
        using var admin = new AdminClient(Node.AdminPort);
        await Eventually.TrueAsync(async () => (await admin.WhoAsync()).All(r => r.User != "erik"), Timeout, "erik logged out");
    }
}
