namespace MsgRelay.Hocon.Tests;

/// <summary>Finds the shared HOCON conformance corpus: the folder holding MsgRelay.sln is walked
/// up to from the test assembly, and the corpus is <c>../shared/conformance/hocon</c> next to it,
/// wherever the repository was cloned.</summary>
internal static class Corpus
{
    public const string MissingMarker = "(corpus missing)";

    public static readonly string? Root = Locate();

    public static string Resources => Path.Combine(Root!, "resources");

    /// <summary>When the corpus is missing, CI must fail; a developer machine without the shared
    /// folder passes the placeholder row and says so in the test output (xunit 2 has no dynamic skip).</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Describe() => $"HOCON corpus not found: looked for ../shared/conformance/hocon next to the folder holding MsgRelay.sln above {AppContext.BaseDirectory}";

    private static string? Locate()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (int i = 0; i < 20 && dir is not null; i++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MsgRelay.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "hocon"));
                return Directory.Exists(Path.Combine(candidate, "resources")) ? candidate : null;
            }
        }

        return null;
    }
}
