using System.Text.RegularExpressions;
using MsgRelay.Hocon;
using MsgRelay.Node.Configuration;

namespace MsgRelay.Node.Tests;

/// <summary>docs/ must stay true: every key a module's reference.conf defines is in the configuration reference.</summary>
public partial class DocumentationTests
{
    [Fact]
    public void Configuration_reference_documents_every_key_of_every_reference_conf()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "configuration.md"));
        var documented = KeyPattern().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var missing = LeafPaths(NodeConfiguration.Reference().Resolve(ConfigResolveOptions.NoEnvironment))
            .Where(path => !documented.Contains(path))
            .ToList();

        Assert.True(missing.Count == 0, "docs/configuration.md lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void Configuration_reference_documents_no_key_that_does_not_exist()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "configuration.md"));
        var reference = NodeConfiguration.Reference().Resolve(ConfigResolveOptions.NoEnvironment);
        var known = LeafPaths(reference).ToHashSet(StringComparer.Ordinal);

        var stale = KeyPattern().Matches(doc).Select(m => m.Groups[1].Value)
            .Where(path => !known.Contains(path) && !reference.HasPath(path))
            .Distinct()
            .ToList();

        Assert.True(stale.Count == 0, "docs/configuration.md documents keys no reference.conf has: " + string.Join(", ", stale));
    }

    // Leaves, plus empty objects (maps such as auth.users whose keys the user chooses).
    private static IEnumerable<string> LeafPaths(Config config) =>
        config.AsEnumerable().Select(kv => kv.Key)
            .Concat(MapPaths(config.Root, "").Where(p => p.Length > 0))
            .Distinct();

    private static IEnumerable<string> MapPaths(HoconObject node, string prefix)
    {
        foreach (var (key, value) in node)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            if (value is HoconObject child)
            {
                if (child.Count == 0)
                {
                    yield return path;
                }

                foreach (var nested in MapPaths(child, path))
                {
                    yield return nested;
                }
            }
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; dir is not null && depth < 12; depth++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MsgRelay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MsgRelay.sln not found above the test folder");
    }

    // A documented key is written in backticks as its full path: `msgrelay.listeners.sniff-window`.
    [GeneratedRegex(@"`(msgrelay(?:\.[A-Za-z0-9_-]+)+)`")]
    private static partial Regex KeyPattern();
}
