using System.Diagnostics;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Sites;

/// <summary>Forwarding loops, hop limits and a site that goes away: every case ends with an answer.</summary>
public sealed class ForwardingFailureTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Loop_between_two_sites_ends_with_677_without_delivering_or_hanging()
    {
        var aPort = SiteNode.ReservePort();
        var bPort = SiteNode.ReservePort();
        var aConfig = _files.Write("a.conf", SiteNode.SiteConfig("site-a", "a.example", ("c.example", $"rwp://127.0.0.1:{bPort}"), ("b.example", $"rwp://127.0.0.1:{bPort}")));
        var bConfig = _files.Write("b.conf", SiteNode.SiteConfig("site-b", "b.example", ("c.example", $"rwp://127.0.0.1:{aPort}")));
        var starting = SiteNode.StartAsync("a1", aPort, aConfig);
        await using var b = await SiteNode.StartAsync("b1", bPort, bConfig);
        await using var a = await starting;
        await using var carolAtA = await RawAgent.LoginAsync(a.Endpoint, "carol", "pts/1", Timeout);
        await using var carolAtB = await RawAgent.LoginAsync(b.Endpoint, "carol", "pts/1", Timeout);

        var watch = Stopwatch.StartNew();
        var result = await WireSenders.RwpAsync(a.Endpoint, "alice", "carol@c.example", ["round and round"], Timeout);
        watch.Stop();

        Assert.Equal("677", result.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"the loop ended after {watch.Elapsed}");
        await carolAtA.ExpectNoDeliveryAsync(TimeSpan.FromMilliseconds(300));
        await carolAtB.ExpectNoDeliveryAsync(TimeSpan.FromMilliseconds(300));
        Assert.Contains(a.Node.Process.Output, l => l.Contains("forwarding loop", StringComparison.Ordinal));

        // Neither process is stuck: both still forward and deliver.
        await using var bob = await RawAgent.LoginAsync(b.Endpoint, "bob", "pts/1", Timeout);
        var sending = WireSenders.RwpAsync(a.Endpoint, "alice", "bob@b.example", ["still alive"], Timeout);
        await bob.ReceiveAsync(Timeout);
        Assert.Equal("104", (await sending).Code);
    }

    [Fact]
    public async Task Site_b_down_makes_a_answer_677_promptly_and_a_recovers_when_b_returns()
    {
        var bPort = SiteNode.ReservePort();
        var aConfig = _files.Write("a.conf", SiteNode.SiteConfig("site-a", "a.example", ("b.example", $"rwp://127.0.0.1:{bPort}")));
        var bConfig = _files.Write("b.conf", SiteNode.SiteConfig("site-b", "b.example"));
        var starting = SiteNode.StartAsync("a1", SiteNode.ReservePort(), aConfig);
        await using var b = await SiteNode.StartAsync("b1", bPort, bConfig);
        await using var a = await starting;
        Assert.Equal("670", (await WireSenders.RwpAsync(a.Endpoint, "alice", "nobody@b.example", ["up"], Timeout)).Code);

        Assert.Equal(0, await b.StopAsync());
        var watch = Stopwatch.StartNew();
        var whileDown = await WireSenders.RwpAsync(a.Endpoint, "alice", "nobody@b.example", ["down"], Timeout);
        watch.Stop();
        Assert.Equal("677", whileDown.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"677 took {watch.Elapsed}");

        await b.RestartAsync();
        await Eventually.TrueAsync(
            async () => (await WireSenders.RwpAsync(a.Endpoint, "alice", "nobody@b.example", ["back?"], Timeout)).Code == "670",
            Timeout,
            "A reaches B again (B's own 670 comes back instead of 677)");
        await using var bob = await RawAgent.LoginAsync(b.Endpoint, "bob", "pts/1", Timeout);
        var sending = WireSenders.RwpAsync(a.Endpoint, "alice", "bob@b.example", ["welcome back"], Timeout);
        Assert.Equal(["welcome back"], (await bob.ReceiveAsync(Timeout)).Body);
        Assert.Equal("104", (await sending).Code);
    }
}
