using MsgRelay.Hocon;
using Serilog.Events;

namespace MsgRelay.Node.Configuration;

/// <summary>How a log file is cut into files (msgrelay.logging.file.rolling).</summary>
public enum LogFileRolling
{
    /// <summary>One file until it reaches the size limit, then the next.</summary>
    Size,

    /// <summary>A file per day, each also cut at the size limit.</summary>
    Day,
}

/// <summary>The console sink (msgrelay.logging.console).</summary>
public sealed record ConsoleLogSettings
{
    public required bool Enabled { get; init; }

    public required bool Json { get; init; }
}

/// <summary>The file sink (msgrelay.logging.file).</summary>
public sealed record FileLogSettings
{
    public required bool Enabled { get; init; }

    /// <summary>Absolute: a relative configured path is taken from the working directory at start-up.</summary>
    public required string Path { get; init; }

    public required bool Json { get; init; }

    public required LogFileRolling Rolling { get; init; }

    /// <summary>Bytes at which a file is closed and the next begun.</summary>
    public required long MaxSize { get; init; }

    /// <summary>Files kept, the current one included; null keeps every file.</summary>
    public required int? RetainedFiles { get; init; }
}

/// <summary>msgrelay.logging: the minimum level, per-namespace overrides and the sinks.</summary>
public sealed record LoggingSettings
{
    /// <summary>The spelling of console.json from before sinks were configurable; still read, and it wins.</summary>
    public const string LegacyJsonPath = "msgrelay.logging.json";

    public required LogEventLevel Level { get; init; }

    /// <summary>Category prefix (e.g. "MsgRelay.Remote") to its own minimum level.</summary>
    public required IReadOnlyDictionary<string, LogEventLevel> Overrides { get; init; }

    public required ConsoleLogSettings Console { get; init; }

    public required FileLogSettings File { get; init; }

    /// <summary>True when the configuration still uses <see cref="LegacyJsonPath"/>, so start-up can say where it moved.</summary>
    public bool UsesLegacyJsonKey { get; init; }

    /// <summary>Reads msgrelay.logging; a bad value throws <see cref="ConfigurationException"/> naming the key and its origin.</summary>
    public static LoggingSettings FromConfig(Config config)
    {
        const string root = "msgrelay.logging";
        var legacyJson = config.HasPath(LegacyJsonPath);
        return new LoggingSettings
        {
            Level = ParseLevel(config, $"{root}.level"),
            Overrides = ReadOverrides(config, $"{root}.overrides"),
            Console = new ConsoleLogSettings
            {
                Enabled = config.GetBoolean($"{root}.console.enabled"),
                Json = config.GetBoolean(legacyJson ? LegacyJsonPath : $"{root}.console.json"),
            },
            File = FileSink(config, $"{root}.file"),
            UsesLegacyJsonKey = legacyJson,
        };
    }

    private static FileLogSettings FileSink(Config config, string root)
    {
        var enabled = config.GetBoolean($"{root}.enabled");
        var path = config.GetString($"{root}.path");
        if (enabled && string.IsNullOrWhiteSpace(path))
        {
            throw Invalid(config, $"{root}.path", "the file sink is enabled but has no path");
        }

        var rollingText = config.GetString($"{root}.rolling");
        var rolling = rollingText.ToLowerInvariant() switch
        {
            "size" => LogFileRolling.Size,
            "day" => LogFileRolling.Day,
            _ => throw Invalid(config, $"{root}.rolling", $"expected size or day; got \"{rollingText}\""),
        };

        // Below 1 KiB a file would hold a handful of lines and the folder would churn.
        var maxSize = config.GetByteSize($"{root}.max-size");
        if (maxSize < 1024)
        {
            throw Invalid(config, $"{root}.max-size", $"must be at least 1 KiB, got {maxSize} bytes");
        }

        var retained = config.GetInt($"{root}.retained-files");
        if (retained < 0)
        {
            throw Invalid(config, $"{root}.retained-files", $"must be 0 (keep all) or more, got {retained}");
        }

        return new FileLogSettings
        {
            Enabled = enabled,
            Path = path.Length == 0 ? path : System.IO.Path.GetFullPath(path),
            Json = config.GetBoolean($"{root}.json"),
            Rolling = rolling,
            MaxSize = maxSize,
            RetainedFiles = retained == 0 ? null : retained,
        };
    }

    // A quoted key ("MsgRelay.Remote" = debug) is one entry; an unquoted one (MsgRelay.Remote = debug,
    // or --set msgrelay.logging.overrides.MsgRelay.Remote=debug) nests objects, joined back with dots.
    private static Dictionary<string, LogEventLevel> ReadOverrides(Config config, string path)
    {
        var result = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal);
        if (config.HasPath(path))
        {
            Collect(config, path, prefix: "", result);
        }

        return result;
    }

    private static void Collect(Config config, string path, string prefix, Dictionary<string, LogEventLevel> into)
    {
        foreach (var (key, value) in config.GetObject(path))
        {
            var category = prefix.Length == 0 ? key : $"{prefix}.{key}";
            var childPath = $"{path}.{PathKey(key)}";
            if (value is HoconObject)
            {
                Collect(config, childPath, category, into);
            }
            else
            {
                into[category] = ParseLevel(config, childPath);
            }
        }
    }

    private static string PathKey(string key) =>
        key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : $"\"{key.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    internal static LogEventLevel ParseLevel(Config config, string path)
    {
        var text = config.GetString(path);
        return text.ToLowerInvariant() switch
        {
            "verbose" or "trace" => LogEventLevel.Verbose,
            "debug" => LogEventLevel.Debug,
            "information" or "info" => LogEventLevel.Information,
            "warning" or "warn" => LogEventLevel.Warning,
            "error" => LogEventLevel.Error,
            "fatal" => LogEventLevel.Fatal,
            _ => throw Invalid(config, path, $"expected one of verbose, debug, information, warning, error, fatal; got \"{text}\""),
        };
    }

    private static ConfigurationException Invalid(Config config, string path, string what) =>
        new($"{config.GetOrigin(path)}: {path}: {what}");
}
