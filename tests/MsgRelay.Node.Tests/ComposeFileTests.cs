using MsgRelay.Hocon;
using MsgRelay.Node.Cli;
using MsgRelay.Node.Configuration;
using MsgRelay.Relay.Routing;

namespace MsgRelay.Node.Tests;

/// <summary>
/// There is no Docker engine on our machines, so docker-compose.yml is checked here: the topology
/// (site A of three nodes, site B of one), that each service runs a command our CLI accepts, and that
/// each config it mounts is a valid node configuration with the service's overrides applied.
/// </summary>
public class ComposeFileTests
{
    private static readonly Dictionary<string, object> Compose =
        MiniYaml.Parse(File.ReadAllText(Path.Combine(DocumentationTests.RepoRoot(), "docker-compose.yml")));

    private static Dictionary<string, object> Services => (Dictionary<string, object>)Compose["services"];

    public static TheoryData<string> ServiceNames => ["a1", "a2", "a3", "b1"];

    [Fact]
    public void The_topology_is_site_a_with_three_nodes_and_site_b_with_one()
    {
        Assert.Equal(["a1", "a2", "a3", "b1"], Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["site-a", "site-a", "site-a", "site-b"], Services.Keys.Order(StringComparer.Ordinal).Select(s => Load(s).GetString("msgrelay.site.name")));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Each_service_runs_a_serve_command_the_cli_accepts(string service)
    {
        var command = Command(service);

        var parsed = MsgRelayCli.Build().Parse(command);

        Assert.Empty(parsed.Errors);
        Assert.Equal("serve", command[0]);
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Each_service_mounts_its_config_at_the_path_its_command_reads(string service)
    {
        var config = ConfigPath(service);
        var mounts = (List<object>)((Dictionary<string, object>)Services[service])["configs"];
        var mount = (Dictionary<string, object>)Assert.Single(mounts);
        var source = (string)mount["source"];
        var file = (string)((Dictionary<string, object>)((Dictionary<string, object>)Compose["configs"])[source])["file"];

        Assert.Equal(config, (string)mount["target"]);
        Assert.True(File.Exists(Path.Combine(DocumentationTests.RepoRoot(), file)), $"{file} exists");
        Assert.Equal(Path.GetFileName(file), Path.GetFileName(config));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Each_service_config_is_a_valid_node_configuration_whose_names_match_the_network_aliases(string service)
    {
        var config = Load(service);
        NodeSettings.FromConfig(config);
        RelaySettings.FromConfig(config);

        var aliases = (List<object>)((Dictionary<string, object>)((Dictionary<string, object>)((Dictionary<string, object>)Services[service])["networks"])["relay"])["aliases"];
        Assert.Equal(service, config.GetString("msgrelay.node.name"));
        Assert.Contains(config.GetString("msgrelay.cluster.host"), aliases.Cast<string>());
    }

    [Fact]
    public void Site_a_nodes_seed_each_other_and_the_sites_route_to_each_others_aliases()
    {
        var aliases = Services.Values.Cast<Dictionary<string, object>>()
            .SelectMany(s => (List<object>)((Dictionary<string, object>)((Dictionary<string, object>)s["networks"])["relay"])["aliases"])
            .Cast<string>()
            .ToHashSet(StringComparer.Ordinal);

        foreach (var node in new[] { "a1", "a2", "a3" })
        {
            var seeds = Load(node).GetStringList("msgrelay.cluster.seed-nodes");
            Assert.Equal(3, seeds.Count);
            Assert.All(seeds, seed => Assert.Contains(seed.Split(':')[0], aliases));
        }

        var hops = new[] { "a1", "b1" }
            .SelectMany(n => Load(n).GetConfigList("msgrelay.routing.routes"))
            .SelectMany(route => route.GetStringList("via"))
            .ToList();
        Assert.NotEmpty(hops);
        Assert.All(hops, hop => Assert.Contains(new Uri(hop).Host, aliases));
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void Each_service_has_a_healthcheck_that_runs_our_cli(string service)
    {
        var health = (Dictionary<string, object>)((Dictionary<string, object>)Services[service])["healthcheck"];
        var test = ((List<object>)health["test"]).Cast<string>().ToArray();

        Assert.Equal("CMD", test[0]);
        Assert.Equal("/app/msgrelay.dll", test[2]);
        Assert.Empty(MsgRelayCli.Build().Parse(test[3..]).Errors);
    }

    private static string[] Command(string service) =>
        ((List<object>)((Dictionary<string, object>)Services[service])["command"]).Cast<string>().ToArray();

    private static string ConfigPath(string service)
    {
        var command = Command(service);
        return command[Array.IndexOf(command, "--config") + 1];
    }

    // The node configuration exactly as the service's command would load it, with the file taken
    // from the repository's config/ folder.
    private static Config Load(string service)
    {
        var command = Command(service);
        var file = Path.Combine(DocumentationTests.RepoRoot(), "config", Path.GetFileName(ConfigPath(service)));
        var overrides = command.Select((arg, i) => (arg, i)).Where(p => p.arg == "--set").Select(p => command[p.i + 1]).ToList();
        return NodeConfiguration.Load(file, overrides);
    }
}
