namespace MsgRelay.Hocon;

/// <summary>How substitutions are resolved.</summary>
public sealed record ConfigResolveOptions
{
    /// <summary>Environment fallback on, reading the process environment.</summary>
    public static ConfigResolveOptions Default { get; } = new();

    /// <summary>No environment fallback: a path missing from the config is undefined.</summary>
    public static ConfigResolveOptions NoEnvironment { get; } = new() { UseEnvironment = false };

    /// <summary>When a substitution's path is not in the configuration at all (a <c>null</c>
    /// value counts as present), look it up as an environment variable named by the path as
    /// written (<c>${HOME}</c> reads HOME, <c>${a.b}</c> reads "a.b").</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>Replaces the process environment, e.g. for tests; null reads
    /// <see cref="System.Environment.GetEnvironmentVariable(string)"/>.</summary>
    public Func<string, string?>? Environment { get; init; }

    /// <summary>Convenience for a fixed set of variables.</summary>
    public static ConfigResolveOptions WithEnvironment(IReadOnlyDictionary<string, string> variables) =>
        new() { Environment = name => variables.TryGetValue(name, out var v) ? v : null };

    internal Func<string, string?>? Lookup =>
        UseEnvironment ? Environment ?? System.Environment.GetEnvironmentVariable : null;
}
