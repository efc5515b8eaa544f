using Microsoft.Extensions.Configuration;

namespace MsgRelay.Hocon;

/// <summary>A configuration source that parses and resolves HOCON when the configuration is built.</summary>
public sealed class HoconConfigurationSource : IConfigurationSource
{
    public HoconConfigurationSource(Func<Config> load) => Load = load;

    /// <summary>Produces the config; the result is resolved (environment fallback on) if it is not already.</summary>
    public Func<Config> Load { get; }

    public IConfigurationProvider Build(IConfigurationBuilder builder) =>
        new HoconConfigurationProvider(() => Load().Resolve());
}
