using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MsgRelay.Actors;

namespace MsgRelay.Benchmarks.Actors;

/// <summary>
/// Start 1,000 actors, then stop them and wait until all have stopped; vs 1,000 Channel-backed
/// async loops started and completed. Reported per actor.
/// </summary>
[MemoryDiagnoser]
public class SpawnBenchmarks
{
    private const int Count = 1_000;
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("bench");

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Count)]
    public async Task SpawnAndStopActors()
    {
        var stopped = new CountdownTask(Count);
        var actors = new IActorRef[Count];
        for (var i = 0; i < Count; i++)
        {
            actors[i] = _system.ActorOf(Props.Create(() => new Worker(stopped)));
        }
        foreach (var actor in actors)
        {
            _system.Stop(actor);
        }
        await stopped.Task;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    public async Task StartAndCompleteChannelLoops()
    {
        var loops = new Task[Count];
        var channels = new Channel<object>[Count];
        for (var i = 0; i < Count; i++)
        {
            var channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            channels[i] = channel;
            loops[i] = Task.Run(async () =>
            {
                await foreach (var _ in channel.Reader.ReadAllAsync())
                {
                }
            });
        }
        foreach (var channel in channels)
        {
            channel.Writer.Complete();
        }
        await Task.WhenAll(loops);
    }

    private sealed class Worker : ReceiveActor
    {
        private readonly CountdownTask _stopped;

        public Worker(CountdownTask stopped)
        {
            _stopped = stopped;
            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _stopped.Signal();
    }

    private sealed class CountdownTask(int count)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _remaining = count;

        public Task Task => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                _done.TrySetResult();
            }
        }
    }
}
