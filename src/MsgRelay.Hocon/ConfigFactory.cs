using System.Reflection;
using MsgRelay.Hocon.Parsing;

namespace MsgRelay.Hocon;

/// <summary>Entry points for building a <see cref="Config"/>. Everything returned here is
/// unresolved: layer configs with <see cref="Config.WithFallback"/>, then call
/// <see cref="Config.Resolve"/> once.</summary>
public static class ConfigFactory
{
    /// <summary>The resource name <see cref="FromEmbeddedReferences"/> looks for. Embed a module's
    /// defaults with <c>&lt;EmbeddedResource Include="reference.conf" LogicalName="reference.conf" /&gt;</c>;
    /// the default MSBuild name <c>&lt;RootNamespace&gt;.reference.conf</c> is accepted too.</summary>
    public const string ReferenceResourceName = "reference.conf";

    /// <summary>A config with no fields.</summary>
    public static Config Empty { get; } = new(new HoconObject(HoconOrigin.None("<empty>")), []);

    /// <summary>Parses HOCON (or JSON) text. <paramref name="originDescription"/> names it in errors.</summary>
    /// <exception cref="HoconException">The text is not valid HOCON, or an include fails.</exception>
    public static Config ParseString(string text, string originDescription = "<string>", ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= ConfigParseOptions.Default;
        var context = new ParseContext(originDescription, options.BaseDirectory, [], [], options);
        return new Config(HoconParser.ParseDocument(text, context), []);
    }

    /// <summary>Parses a file (.conf, .json or .properties by extension); its includes are looked
    /// up next to it. Error messages name the file as <paramref name="path"/> was given.</summary>
    /// <exception cref="HoconException">The file is missing (unless <see cref="ConfigParseOptions.AllowMissing"/>), unreadable or invalid.</exception>
    public static Config ParseFile(string path, ConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= ConfigParseOptions.Default;
        if (!File.Exists(path))
        {
            return options.AllowMissing ? Empty : throw new HoconException(HoconOrigin.None(path), "configuration file not found");
        }

        return new Config(FileLoader.Load(path, [], [], options, null), []);
    }

    /// <summary>Parses one command-line override such as <c>msgrelay.port=4000</c>,
    /// <c>a.timeout=10s</c> or <c>a.list=[1,2]</c>: a path, '=' (or ':'), and a HOCON value.
    /// Use it as the first layer: <c>ParseOverride(s).WithFallback(app)</c>.</summary>
    public static Config ParseOverride(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        int separator = assignment.IndexOfAny(['=', ':']);
        if (separator <= 0 || assignment.AsSpan(0, separator).Trim().IsEmpty)
        {
            throw new HoconException(HoconOrigin.None("--set"), $"override '{assignment}' must look like path=value");
        }

        Config config;
        try
        {
            config = ParseString(assignment, $"--set {assignment}");
        }
        catch (HoconException e)
        {
            throw new HoconException(e.Origin, $"{e.Reason} (the value of an override is HOCON: quote strings that contain : = , # // {{ }} [ ] or $)", e);
        }

        if (config.Root.Count != 1)
        {
            throw new HoconException(HoconOrigin.None("--set"), $"override '{assignment}' must set exactly one path");
        }

        return config;
    }

    /// <summary>Loads the embedded <c>reference.conf</c> of each assembly (see
    /// <see cref="ReferenceResourceName"/>) and layers them, earlier assemblies winning.
    /// Assemblies without one are skipped.</summary>
    public static Config FromEmbeddedReferences(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var result = Empty;
        foreach (var assembly in assemblies)
        {
            var name = assembly.GetName().Name;
            var resource = assembly.GetManifestResourceNames()
                .FirstOrDefault(n => n == ReferenceResourceName || n == $"{name}.{ReferenceResourceName}");
            if (resource is null)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var parsed = ParseString(reader.ReadToEnd(), $"{name}/{ReferenceResourceName}");
            result = result.WithFallback(parsed);
        }

        return result;
    }
}
