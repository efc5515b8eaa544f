using MsgRelay.Hocon;

namespace MsgRelay.Node.Configuration;

/// <summary>The executable's own settings (msgrelay.node, msgrelay.logging, msgrelay.admin).</summary>
public sealed record NodeSettings
{
    public required string NodeName { get; init; }

    public required LoggingSettings Logging { get; init; }

    public required string AdminHost { get; init; }

    public required int AdminPort { get; init; }

    /// <summary>Builds the settings; a bad value throws <see cref="ConfigurationException"/> naming the key and its origin.</summary>
    public static NodeSettings FromConfig(Config config)
    {
        try
        {
            var name = config.GetString("msgrelay.node.name");
            return new NodeSettings
            {
                NodeName = name.Length == 0 ? Environment.MachineName : name,
                Logging = LoggingSettings.FromConfig(config),
                AdminHost = config.GetString("msgrelay.admin.host"),
                AdminPort = Port(config, "msgrelay.admin.port"),
            };
        }
        catch (HoconException e)
        {
            throw new ConfigurationException(e.Message, e);
        }
    }

    private static int Port(Config config, string path)
    {
        var port = config.GetInt(path);
        return port is >= 0 and <= 65535
            ? port
            : throw new ConfigurationException($"{config.GetOrigin(path)}: {path}: a port must be 0 to 65535, got {port}");
    }
}
