using System.Globalization;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using MsgRelay.Actors;

namespace MsgRelay.Benchmarks.Actors;

/// <summary>
/// Memory held by 100k idle actors (started, waiting for messages) vs 100k idle Channel-backed
/// async loops. The timing is the cost of creating them; the retained bytes per entity
/// (GC.GetTotalMemory after a full collection, before vs after) are printed as
/// "// IdleBytesPerEntity[...]" lines in the benchmark log.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class IdleMemoryBenchmarks
{
    private const int Count = 100_000;
    private static readonly Props IdleProps = Props.Create(() => new Idle());
    private ActorSystem? _system;
    private Channel<object>[]? _channels;
    private Task[]? _loops;
    private long _before;

    [IterationSetup(Target = nameof(IdleActors))]
    public void SetupActors()
    {
        _system = ActorSystem.Create("bench");
        _before = Measure();
    }

    [IterationCleanup(Target = nameof(IdleActors))]
    public void CleanupActors()
    {
        Report("actor", Measure() - _before);
        _system!.Terminate().GetAwaiter().GetResult();
        _system = null;
    }

    [Benchmark]
    public async Task IdleActors()
    {
        var system = _system!;
        Idle.Reset(Count);
        for (var i = 0; i < Count; i++)
        {
            system.ActorOf(IdleProps);
        }
        // Measured only once every actor has run PreStart, i.e. is fully started and idle.
        await Idle.AllStarted.WaitAsync(TimeSpan.FromSeconds(60));
    }

    [IterationSetup(Target = nameof(IdleChannelLoops))]
    public void SetupLoops() => _before = Measure();

    [IterationCleanup(Target = nameof(IdleChannelLoops))]
    public void CleanupLoops()
    {
        Report("channel loop", Measure() - _before);
        foreach (var channel in _channels!)
        {
            channel.Writer.Complete();
        }
        Task.WaitAll(_loops!);
        _channels = null;
        _loops = null;
    }

    [Benchmark(Baseline = true)]
    public async Task IdleChannelLoops()
    {
        _channels = new Channel<object>[Count];
        _loops = new Task[Count];
        for (var i = 0; i < Count; i++)
        {
            var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            _channels[i] = channel;
            _loops[i] = Loop(channel.Reader);
        }
        await Task.Yield();
    }

    private static async Task Loop(ChannelReader<object> reader)
    {
        await foreach (var _ in reader.ReadAllAsync())
        {
        }
    }

    private static long Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static void Report(string what, long bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// IdleBytesPerEntity[{what}] = {bytes / (double)Count:F0} bytes ({bytes / 1024 / 1024} MiB for {Count})"));

    private sealed class Idle : ReceiveActor
    {
        private static int s_pending;
        private static TaskCompletionSource s_allStarted = new();

        public Idle() => Receive<string>(_ => { });

        public static Task AllStarted => s_allStarted.Task;

        public static void Reset(int count)
        {
            s_pending = count;
            s_allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        protected override void PreStart()
        {
            if (Interlocked.Decrement(ref s_pending) == 0)
            {
                s_allStarted.TrySetResult();
            }
        }
    }
}
