using System.Globalization;
using MsgRelay.Node.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace MsgRelay.Node.Hosting;

/// <summary>
/// Serilog set-up from msgrelay.logging: the minimum level with per-namespace overrides, and the
/// console and file sinks, each text (with the actor path when an actor logged) or JSON.
/// </summary>
internal static class NodeLogging
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}  ({SourceContext} {ActorPath:l}){NewLine}{Exception}";

    // A file outlives the day it was written, so its lines carry the date and the offset.
    private const string FileTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}  ({SourceContext} {ActorPath:l}){NewLine}{Exception}";

    public static Serilog.Core.Logger CreateLogger(LoggingSettings settings)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            .Enrich.FromLogContext();
        foreach (var (category, level) in Overrides(settings))
        {
            configuration = configuration.MinimumLevel.Override(category, level);
        }

        if (settings.Console.Enabled)
        {
            configuration = settings.Console.Json
                ? configuration.WriteTo.Console(new JsonFormatter(renderMessage: true))
                : configuration.WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
        }

        if (settings.File.Enabled)
        {
            configuration = WriteToFile(configuration, settings.File);
        }

        return configuration.CreateLogger();
    }

    /// <summary>
    /// Why the file sink could not write, or null. Checked before start-up because the sink itself
    /// reports a failed write only to Serilog's self-log, and a node logging nowhere is worse than
    /// one that does not start.
    /// </summary>
    public static string? FileProblem(FileLogSettings file)
    {
        if (!file.Enabled)
        {
            return null;
        }

        try
        {
            // Probe the folder, not the file: with daily rolling the file's name carries the date.
            var folder = Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Path)!).FullName;
            var probe = System.IO.Path.Combine(folder, $".msgrelay-write-check-{Environment.ProcessId}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the log file {file.Path}: {e.Message} Choose another with --set msgrelay.logging.file.path=... or make the folder writable.";
        }
    }

    // ASP.NET Core logs every admin request at Information; from Warning it keeps to what matters,
    // unless the configuration names the namespace itself.
    internal static Dictionary<string, LogEventLevel> Overrides(LoggingSettings settings)
    {
        var overrides = new Dictionary<string, LogEventLevel>(StringComparer.Ordinal)
        {
            ["Microsoft.AspNetCore"] = settings.Level > LogEventLevel.Warning ? settings.Level : LogEventLevel.Warning,
        };
        foreach (var (category, level) in settings.Overrides)
        {
            overrides[category] = level;
        }

        return overrides;
    }

    private static LoggerConfiguration WriteToFile(LoggerConfiguration configuration, FileLogSettings file)
    {
        var interval = file.Rolling == LogFileRolling.Day ? RollingInterval.Day : RollingInterval.Infinite;
        // Unbuffered: every event reaches the file before the call returns, so the last lines before
        // a crash are there; a relay logs far too little for the extra writes to matter.
        return file.Json
            ? configuration.WriteTo.File(
                new JsonFormatter(renderMessage: true),
                file.Path,
                fileSizeLimitBytes: file.MaxSize,
                rollOnFileSizeLimit: true,
                rollingInterval: interval,
                retainedFileCountLimit: file.RetainedFiles)
            : configuration.WriteTo.File(
                file.Path,
                outputTemplate: FileTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                fileSizeLimitBytes: file.MaxSize,
                rollOnFileSizeLimit: true,
                rollingInterval: interval,
                retainedFileCountLimit: file.RetainedFiles);
    }
}
