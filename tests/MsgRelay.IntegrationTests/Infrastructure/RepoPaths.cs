namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>Finds the checkout (the folder holding MsgRelay.sln) and the built `msgrelay` from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string MsgRelayDll
    {
        get
        {
            // The test assembly sits in tests/MsgRelay.IntegrationTests/bin/<Configuration>/<tfm>/; the node
            // was built by the same build, into the same configuration and framework folders.
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var tfm = testBin.Name;
            var configuration = testBin.Parent!.Name;
            var dll = Path.Combine(Root, "src", "MsgRelay.Node", "bin", configuration, tfm, "msgrelay.dll");
            if (!File.Exists(dll))
            {
                throw new FileNotFoundException($"msgrelay was not built at {dll}; build the solution first.", dll);
            }

            return dll;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; dir is not null && depth < 12; depth++, dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MsgRelay.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No MsgRelay.sln above {AppContext.BaseDirectory}");
    }
}
