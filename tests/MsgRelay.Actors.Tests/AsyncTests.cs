namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class AsyncTests : TestKit
{
    /// <summary>Awaits an external gate per message, then replies to the sender of that message.</summary>
    private sealed class Awaiter : ReceiveActor
    {
        public Awaiter(IActorRef probe, Func<string, Task> gate)
        {
            ReceiveAsync<string>(async s =>
            {
                probe.Tell($"start {s}");
                await gate(s);
                probe.Tell($"end {s}");
                Sender.Tell($"reply {s}", Self);
            });
        }
    }

    [Fact]
    public async Task ReceiveAsync_keeps_Sender_across_await_and_does_not_interleave()
    {
        var gates = new Dictionary<string, TaskCompletionSource>
        {
            ["a"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["b"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        var probe = CreateTestProbe();
        var senderA = CreateTestProbe();
        var senderB = CreateTestProbe();
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(probe.Ref, s => gates[s].Task)));

        actor.Tell("a", senderA.Ref);
        actor.Tell("b", senderB.Ref);
        await probe.ExpectMsgAsync("start a");
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        gates["b"].SetResult();
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        gates["a"].SetResult();

        await probe.ExpectMsgAsync("end a");
        await probe.ExpectMsgAsync("start b");
        await probe.ExpectMsgAsync("end b");
        await senderA.ExpectMsgAsync("reply a");
        await senderB.ExpectMsgAsync("reply b");
    }

    [Fact]
    public async Task A_failing_async_handler_is_supervised_like_a_synchronous_one()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Awaiter(TestActor, async _ =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async boom");
        })));

        await EventFilter.Exception<InvalidOperationException>("async boom").ExpectOneAsync(() => actor.Tell("x"));
    }

    private sealed class TwoAwaits : ReceiveActor
    {
        public TwoAwaits(Task first, Task second, IActorRef target)
        {
            ReceiveAsync<string>(async _ =>
            {
                await first;
                target.Tell("between");
                await second;
                target.Tell("after two awaits");
            });
        }
    }

    [Fact]
    public async Task Tell_after_awaits_still_sends_as_the_actor()
    {
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new TwoAwaits(first.Task, second.Task, TestActor)));
        actor.Tell("go");

        first.SetResult();
        await ExpectMsgAsync("between");
        Assert.Equal(actor, LastSender);
        second.SetResult();

        await ExpectMsgAsync("after two awaits");
        Assert.Equal(actor, LastSender);
    }

    /// <summary>Pipes work done outside the actor back to itself and reports what arrives.</summary>
    private sealed class Piper : ReceiveActor
    {
        public Piper(IActorRef probe)
        {
            Receive<Task<int>>(t => t.PipeTo(Self, Sender, success: n => $"result {n}"));
            Receive<Task>(t => t.PipeTo(Self, Sender));
            Receive<string>(s => probe.Tell(s));
            Receive<Status.Success>(s => probe.Tell(s));
            Receive<Status.Failure>(f => probe.Tell(f));
        }
    }

    [Fact]
    public async Task PipeTo_delivers_the_result_as_a_message()
    {
        var piper = Sys.ActorOf(Props.Create(() => new Piper(TestActor)));
        var work = new TaskCompletionSource<int>();

        piper.Tell(work.Task);
        work.SetResult(7);

        await ExpectMsgAsync("result 7");
    }

    [Fact]
    public async Task PipeTo_delivers_a_failure_as_Status_Failure()
    {
        var piper = Sys.ActorOf(Props.Create(() => new Piper(TestActor)));

        piper.Tell(Task.FromException<int>(new TimeoutException("slow")));

        var failure = await ExpectMsgAsync<Status.Failure>();
        Assert.IsType<TimeoutException>(failure.Cause);
    }

    [Fact]
    public async Task PipeTo_of_a_plain_task_delivers_success()
    {
        var piper = Sys.ActorOf(Props.Create(() => new Piper(TestActor)));

        piper.Tell(Task.CompletedTask);

        await ExpectMsgAsync<Status.Success>();
    }

    [Fact]
    public async Task PipeTo_keeps_the_given_sender()
    {
        var work = Task.FromResult(5);

        await work.PipeTo(TestActor, Sys.DeadLetters, n => n * 2);

        Assert.Equal(10, await ExpectMsgAsync<int>());
        Assert.Equal(Sys.DeadLetters, LastSender);
    }
}

public sealed class AsyncStopTests : TestKit
{
    private sealed class Stuck : ReceiveActor
    {
        public Stuck(Task never, IActorRef probe)
        {
            ReceiveAsync<string>(async _ =>
            {
                probe.Tell("awaiting");
                await never;
            });
        }
    }

    [Fact]
    public async Task An_async_handler_that_never_finishes_does_not_block_stopping()
    {
        var never = new TaskCompletionSource();
        var stuck = Sys.ActorOf(Props.Create(() => new Stuck(never.Task, TestActor)));
        Watch(stuck);
        stuck.Tell("go");
        await ExpectMsgAsync("awaiting");

        Sys.Stop(stuck);

        await ExpectTerminatedAsync(stuck);
    }
}
