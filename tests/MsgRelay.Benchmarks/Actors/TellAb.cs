using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace MsgRelay.Benchmarks.Actors;

/// <summary>
/// The <c>tell-ab</c> command: the tell-throughput benchmark of several builds in one process.
/// Each directory is a Release output of this project (its <c>MsgRelay.Benchmarks.dll</c> with the
/// <c>MsgRelay.Actors.dll</c> it was built with) and gets its own <see cref="AssemblyLoadContext"/>;
/// rounds alternate between the builds and the channels baseline, so a change of machine load hits
/// every side alike - BenchmarkDotNet runs the sides one after the other, which on a shared machine
/// made differences of 20% come and go. Used for the runtime's A/B tables in docs/PERFORMANCE.md.
/// </summary>
public static class TellAb
{
    public const string Usage = "usage: MsgRelay.Benchmarks tell-ab ROUNDS BUILD_DIR [BUILD_DIR...]";

    private const int WarmUpRounds = 5;
    // Pairs x round trips x 2 of TellThroughputBenchmarks: the messages of one Actors() or Channels() call.
    private const double MessagesPerRound = 8 * 20_000 * 2;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var sides = new List<Side>();
        foreach (var dir in args[1..])
        {
            var full = Path.GetFullPath(dir);
            if (!File.Exists(Path.Combine(full, "MsgRelay.Benchmarks.dll")))
            {
                Console.Error.WriteLine($"{dir}: no MsgRelay.Benchmarks.dll (build tests/MsgRelay.Benchmarks in Release and pass its output directory)");
                return 2;
            }

            sides.Add(Side.Load(full, sides.Count));
        }

        // The baseline comes from the first build: channels do not depend on the runtime under test.
        sides.Add(sides[0].ChannelsSide());
        var measured = Measure(sides, rounds);
        Report(sides, measured, rounds);
        foreach (var side in sides)
        {
            side.Cleanup();
        }

        return 0;
    }

    private static Samples[] Measure(List<Side> sides, int rounds)
    {
        var samples = sides.Select(_ => new Samples()).ToArray();
        using var process = Process.GetCurrentProcess();
        for (var round = -WarmUpRounds; round < rounds; round++)
        {
            for (var s = 0; s < sides.Count; s++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                sides[s].Run().GetAwaiter().GetResult();
                clock.Stop();
                process.Refresh();
                if (round >= 0)
                {
                    samples[s].Cpu.Add((process.TotalProcessorTime - cpu0).TotalNanoseconds / MessagesPerRound);
                    samples[s].Wall.Add(clock.Elapsed.TotalNanoseconds / MessagesPerRound);
                    samples[s].Allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - allocated0) / MessagesPerRound);
                }
            }
        }

        return samples;
    }

    private static void Report(List<Side> sides, Samples[] samples, int rounds)
    {
        var channels = samples[^1];
        Console.WriteLine(FormattableString.Invariant($"rounds {rounds}; ns per message; ratio = channels/side (the runtime's target: >= 0.8)"));
        for (var s = 0; s < sides.Count; s++)
        {
            var x = samples[s];
            Console.WriteLine(FormattableString.Invariant(
                $"{sides[s].Name,-12} cpu p25 {Percentile(x.Cpu, .25),6:F1} med {Percentile(x.Cpu, .5),6:F1} | wall p25 {Percentile(x.Wall, .25),6:F1} med {Percentile(x.Wall, .5),6:F1} | ratio wall-p25 {Percentile(channels.Wall, .25) / Percentile(x.Wall, .25):F2} wall-med {Percentile(channels.Wall, .5) / Percentile(x.Wall, .5):F2} | B/msg {Percentile(x.Allocated, .5):F2}"));
        }

        // Rounds run back to back, so a round's CPU against the first build's in the same round
        // cancels most of the load drift.
        for (var s = 1; s < sides.Count - 1; s++)
        {
            var paired = samples[s].Cpu.Zip(samples[0].Cpu, (side, first) => side / first).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"paired cpu {sides[s].Name}/{sides[0].Name}: p25 {Percentile(paired, .25):F3} median {Percentile(paired, .5):F3} p75 {Percentile(paired, .75):F3}"));
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }

    private sealed class Samples
    {
        public List<double> Cpu { get; } = [];

        public List<double> Wall { get; } = [];

        public List<double> Allocated { get; } = [];
    }

    private sealed class Side(string name, Func<Task> run, Action cleanup, object benchmark)
    {
        public string Name { get; } = name;

        public Func<Task> Run { get; } = run;

        public Action Cleanup { get; } = cleanup;

        public static Side Load(string dir, int index)
        {
            var context = new BuildContext(dir);
            var assembly = context.LoadFromAssemblyPath(Path.Combine(dir, "MsgRelay.Benchmarks.dll"));
            var type = assembly.GetType(typeof(TellThroughputBenchmarks).FullName!, throwOnError: true)!;
            var benchmark = Activator.CreateInstance(type)!;
            Invoke(benchmark, nameof(TellThroughputBenchmarks.SetupActors));
            var run = Bind(benchmark, nameof(TellThroughputBenchmarks.Actors));
            return new Side($"{index}:{Label(dir)}", run, () => Invoke(benchmark, nameof(TellThroughputBenchmarks.CleanupActors)), benchmark);
        }

        public Side ChannelsSide() => new("channels", Bind(benchmark, nameof(TellThroughputBenchmarks.Channels)), () => { }, benchmark);

        private static Func<Task> Bind(object benchmark, string method) =>
            (Func<Task>)Delegate.CreateDelegate(typeof(Func<Task>), benchmark, benchmark.GetType().GetMethod(method)!);

        private static void Invoke(object benchmark, string method) => benchmark.GetType().GetMethod(method)!.Invoke(benchmark, null);

        // A build directory ends .../bin/Release/net10.0: name it by what lies above "bin".
        private static string Label(string dir)
        {
            var parts = dir.TrimEnd(Path.DirectorySeparatorChar).Split(Path.DirectorySeparatorChar);
            var bin = Array.LastIndexOf(parts, "bin");
            return bin >= 3 ? parts[bin - 3] : parts[^1];
        }
    }

    // Loads the build's own assemblies from its directory; the framework's come from the default context.
    private sealed class BuildContext : AssemblyLoadContext
    {
        private readonly string _dir;

        public BuildContext(string dir)
            : base(dir)
        {
            _dir = dir;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(_dir, assemblyName.Name + ".dll");
            return File.Exists(path) && !assemblyName.Name!.StartsWith("System.", StringComparison.Ordinal)
                && !assemblyName.Name.StartsWith("Microsoft.", StringComparison.Ordinal)
                ? LoadFromAssemblyPath(path)
                : null;
        }
    }
}
