using Microsoft.Extensions.Configuration;

namespace MsgRelay.Hocon;

/// <summary>Adds HOCON to an <see cref="IConfigurationBuilder"/> so options binding works on it.</summary>
public static class HoconConfigurationExtensions
{
    /// <summary>Adds a HOCON file, resolved with environment fallback. A relative path is taken
    /// from the working directory. A missing file is an error unless <paramref name="optional"/>.</summary>
    public static IConfigurationBuilder AddHoconFile(this IConfigurationBuilder builder, string path, bool optional = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(path);
        return builder.Add(new HoconConfigurationSource(() => ConfigFactory.ParseFile(path, new ConfigParseOptions { AllowMissing = optional })));
    }

    /// <summary>Adds HOCON text, resolved with environment fallback.</summary>
    public static IConfigurationBuilder AddHoconString(this IConfigurationBuilder builder, string hocon)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(hocon);
        return builder.Add(new HoconConfigurationSource(() => ConfigFactory.ParseString(hocon)));
    }

    /// <summary>Adds an already layered config (e.g. overrides over the application file over the
    /// embedded references); it is resolved with environment fallback if it is not yet.</summary>
    public static IConfigurationBuilder AddHoconConfig(this IConfigurationBuilder builder, Config config)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(config);
        return builder.Add(new HoconConfigurationSource(() => config));
    }
}
