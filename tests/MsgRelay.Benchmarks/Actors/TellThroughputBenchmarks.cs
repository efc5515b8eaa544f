using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MsgRelay.Actors;

namespace MsgRelay.Benchmarks.Actors;

/// <summary>
/// 8 pairs ping-ponging with 100 messages in flight per pair: actors vs the same pattern on
/// System.Threading.Channels with async loops. Reported per message (ping or pong).
/// </summary>
/// <remarks>
/// Both sides get the same fixed invocation count and warm-up. Left to the pilot stage, the count
/// was chosen from each side's first invocations: the actor side then still runs tier-0 JIT code
/// of this solution's runtime (the channel side's hot code is precompiled in CoreLib), so it got
/// 2-4 invocations per iteration against 32-128 for channels and was measured mostly warming up
/// (iterations of 40-60 ms, BenchmarkDotNet's MinIterationTime warning). 16 invocations of 320,000
/// messages make iterations of roughly 100-500 ms for either side.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(16)]
[WarmupCount(6)]
public class TellThroughputBenchmarks
{
    private const int Pairs = 8;
    private const int InFlight = 100;
    private const int RoundTripsPerPair = 20_000;
    private const int MessagesPerOperation = Pairs * RoundTripsPerPair * 2;

    private ActorSystem _system = null!;
    private IActorRef[] _pingers = null!;

    [GlobalSetup(Target = nameof(Actors))]
    public void SetupActors()
    {
        _system = ActorSystem.Create("bench");
        _pingers = new IActorRef[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var ponger = _system.ActorOf(Props.Create(() => new Ponger()));
            _pingers[i] = _system.ActorOf(Props.Create(() => new Pinger(ponger)));
        }
    }

    [GlobalCleanup(Target = nameof(Actors))]
    public void CleanupActors() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = MessagesPerOperation)]
    public async Task Actors()
    {
        var runs = new Task[Pairs];
        for (var i = 0; i < Pairs; i++)
        {
            var run = new Run(RoundTripsPerPair);
            _pingers[i].Tell(run);
            runs[i] = run.Done.Task;
        }
        await Task.WhenAll(runs);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerOperation)]
    public async Task Channels()
    {
        var runs = new Task[Pairs * 2];
        for (var i = 0; i < Pairs; i++)
        {
            var toPonger = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            var toPinger = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
            runs[2 * i] = Task.Run(() => PingLoop(toPonger.Writer, toPinger.Reader));
            runs[(2 * i) + 1] = Task.Run(() => PongLoop(toPonger.Reader, toPinger.Writer));
        }
        await Task.WhenAll(runs);
    }

    private static async Task PingLoop(ChannelWriter<object> toPonger, ChannelReader<object> fromPonger)
    {
        var sent = 0;
        for (; sent < InFlight; sent++)
        {
            toPonger.TryWrite(Ping.Instance);
        }
        for (var received = 0; received < RoundTripsPerPair; received++)
        {
            _ = await fromPonger.ReadAsync();
            if (sent < RoundTripsPerPair)
            {
                toPonger.TryWrite(Ping.Instance);
                sent++;
            }
        }
        toPonger.TryWrite(Stop.Instance);
    }

    private static async Task PongLoop(ChannelReader<object> fromPinger, ChannelWriter<object> toPinger)
    {
        while (await fromPinger.ReadAsync() is not Stop)
        {
            toPinger.TryWrite(Pong.Instance);
        }
    }

    private sealed class Ping
    {
        public static readonly Ping Instance = new();
    }

    private sealed class Pong
    {
        public static readonly Pong Instance = new();
    }

    private sealed class Stop
    {
        public static readonly Stop Instance = new();
    }

    private sealed class Run(int roundTrips)
    {
        public int RoundTrips { get; } = roundTrips;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Ponger : ReceiveActor
    {
        public Ponger() => Receive<Ping>(_ => Sender.Tell(Pong.Instance, Self));
    }

    private sealed class Pinger : ReceiveActor
    {
        private readonly IActorRef _ponger;
        private Run? _run;
        private int _sent;
        private int _received;

        public Pinger(IActorRef ponger)
        {
            _ponger = ponger;
            Receive<Run>(OnRun);
            Receive<Pong>(_ => OnPong());
        }

        private void OnRun(Run run)
        {
            _run = run;
            _sent = 0;
            _received = 0;
            for (; _sent < InFlight; _sent++)
            {
                _ponger.Tell(Ping.Instance, Self);
            }
        }

        private void OnPong()
        {
            _received++;
            if (_sent < _run!.RoundTrips)
            {
                _ponger.Tell(Ping.Instance, Self);
                _sent++;
            }
            if (_received == _run.RoundTrips)
            {
                _run.Done.TrySetResult();
            }
        }
    }
}
