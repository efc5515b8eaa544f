using MsgRelay.Hocon;

namespace MsgRelay.Node.Configuration;

/// <summary>
/// Loads a node's configuration in ARCHITECTURE.md's order: every module's embedded reference.conf,
/// then the --config file, then --set overrides (the last one wins), resolved with environment
/// fallback so `${?MSGRELAY_...}` substitutions work. Unknown keys under `msgrelay` are errors.
/// </summary>
public static class NodeConfiguration
{
    public const string Root = "msgrelay";

    /// <summary>The defaults of every module the node is built from.</summary>
    public static Config Reference() =>
        ConfigFactory.FromEmbeddedReferences(
            typeof(NodeConfiguration).Assembly,
            typeof(MsgRelay.Actors.ActorSystem).Assembly,
            typeof(MsgRelay.Relay.Routing.Route).Assembly,
            typeof(MsgRelay.Remote.Remoting).Assembly,
            typeof(MsgRelay.Cluster.Cluster).Assembly,
            typeof(MsgRelay.Cluster.Sharding.ClusterSharding).Assembly);

    /// <summary>Loads, layers, resolves and validates; throws <see cref="ConfigurationException"/> naming every problem.</summary>
    public static Config Load(string? configFile, IReadOnlyList<string> overrides)
    {
        var reference = Reference();
        Config user;
        try
        {
            user = configFile is null ? ConfigFactory.Empty : ConfigFactory.ParseFile(configFile);
            foreach (var assignment in overrides)
            {
                user = ConfigFactory.ParseOverride(assignment).WithFallback(user);
            }
        }
        catch (HoconException e)
        {
            throw new ConfigurationException([e.Message], e);
        }

        // msgrelay.logging.json predates the sinks; it is still read (as console.json) so an old
        // configuration keeps working, and start-up logs where it moved.
        var problems = ConfigValidation.UnknownKeys(reference, user, Root)
            .Where(p => p.Path != LoggingSettings.LegacyJsonPath)
            .ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems.Select(p => p.Message).ToList());
        }

        try
        {
            return user.WithFallback(reference).Resolve();
        }
        catch (HoconException e)
        {
            throw new ConfigurationException([e.Message], e);
        }
    }
}
