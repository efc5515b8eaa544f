using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Sites;

/// <summary>
/// Site A (nodes a1 and a2, domain a.example) routing b.example to site B (node b1, domain b.example);
/// A forwards its user erin to erin@b.example.
/// The A nodes are one two-node cluster (each seeds the other), with the same site config.
/// </summary>
public sealed class TwoSitesFixture : IAsyncLifetime
{
    private readonly TempFiles _files = new();
    private SiteNode? _a1;
    private SiteNode? _a2;
    private SiteNode? _b;

    internal SiteNode A1 => _a1 ?? throw new InvalidOperationException("not started");

    internal SiteNode A2 => _a2 ?? throw new InvalidOperationException("not started");

    internal SiteNode B => _b ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var bPort = SiteNode.ReservePort();
        var aConfig = _files.Write(
            "site-a.conf",
            SiteNode.SiteConfig("site-a", "a.example", ("b.example", $"rwp://127.0.0.1:{bPort}")) + "\nmsgrelay.routing.users { erin = \"erin@b.example\" }\n");
        var bConfig = _files.Write("site-b.conf", SiteNode.SiteConfig("site-b", "b.example"));
        var b = SiteNode.StartAsync("b1", bPort, bConfig);
        int[] siteASeeds = [SiteNode.ReservePort(), SiteNode.ReservePort()];
        var a1 = SiteNode.StartAsync("a1", SiteNode.ReservePort(), aConfig, siteASeeds[0], siteASeeds);
        var a2 = SiteNode.StartAsync("a2", SiteNode.ReservePort(), aConfig, siteASeeds[1], siteASeeds);
        _b = await b;
        _a1 = await a1;
        _a2 = await a2;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _a1, _a2, _b })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }

        _files.Dispose();
    }
}
