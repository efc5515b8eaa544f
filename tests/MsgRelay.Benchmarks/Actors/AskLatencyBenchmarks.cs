using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using MsgRelay.Actors;

namespace MsgRelay.Benchmarks.Actors;

/// <summary>
/// One request/response at a time: Ask to an echo actor vs a TaskCompletionSource sent through a
/// Channel to an async loop that completes it.
/// </summary>
[MemoryDiagnoser]
public class AskLatencyBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private ActorSystem _system = null!;
    private IActorRef _echo = null!;
    private Channel<(object Request, TaskCompletionSource<object> Reply)> _requests = null!;
    private Task _server = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _echo = _system.ActorOf(Props.Create(() => new EchoActor()));
        _requests = Channel.CreateUnbounded<(object, TaskCompletionSource<object>)>(new UnboundedChannelOptions { SingleReader = true });
        _server = Task.Run(async () =>
        {
            await foreach (var (request, reply) in _requests.Reader.ReadAllAsync())
            {
                reply.TrySetResult(request);
            }
        });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requests.Writer.Complete();
        _server.GetAwaiter().GetResult();
        _system.Terminate().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<string> Ask() => _echo.Ask<string>("ping", Timeout);

    [Benchmark(Baseline = true)]
    public async Task<object> ChannelWithTaskCompletionSource()
    {
        var reply = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Writer.TryWrite(("ping", reply));
        return await reply.Task.WaitAsync(Timeout);
    }

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor() => Receive<string>(s => Sender.Tell(s, Self));
    }
}
