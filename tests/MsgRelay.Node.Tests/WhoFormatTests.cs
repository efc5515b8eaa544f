using MsgRelay.Node.Admin;
using MsgRelay.Node.Cli;

namespace MsgRelay.Node.Tests;

public class WhoFormatTests
{
    [Fact]
    public void An_empty_list_says_nobody_is_logged_in() =>
        Assert.Equal("nobody is logged in", WhoCommand.Format([]));

    [Fact]
    public void Rows_are_sorted_by_user_and_show_idle_minutes()
    {
        var login = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var text = WhoCommand.Format(
        [
            new WhoEntry("zed", "pts/1", "node2", login, TimeSpan.FromMinutes(5)),
            new WhoEntry("amy", "agent/1", "node1", login, TimeSpan.FromSeconds(3)),
        ]);

        var lines = text.Split(Environment.NewLine);
        Assert.StartsWith("USER", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("amy", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(" .", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("zed", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(" 5m", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:8018/")]
    [InlineData("127.0.0.1:9000", "http://127.0.0.1:9000/")]
    [InlineData("node1.example", "http://node1.example:8018/")]
    [InlineData("[::1]:9000", "http://[::1]:9000/")]
    public void Admin_addresses_default_to_port_8018(string server, string expected) =>
        Assert.Equal(new Uri(expected), AdminHttp.BaseAddress(server));
}
