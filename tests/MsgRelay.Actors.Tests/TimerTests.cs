namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class TimerTests() : TestKit(new ActorSystemSettings { Scheduler = new TestScheduler() })
{
    private sealed record StartSingle(object Key, string Message, TimeSpan Delay);

    private sealed record StartPeriodic(object Key, string Message, TimeSpan Interval);

    private sealed record CancelTimer(object Key);

    private sealed record IsActive(object Key);

    /// <summary>Drives its timers on command; acknowledges each command so the test knows it ran.</summary>
    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<StartSingle>(s => Ack(() => Timers.StartSingleTimer(s.Key, s.Message, s.Delay)));
            Receive<StartPeriodic>(s => Ack(() => Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval)));
            Receive<CancelTimer>(c => Ack(() => Timers.Cancel(c.Key)));
            Receive<IsActive>(q => Sender.Tell(Timers.IsTimerActive(q.Key)));
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(m => probe.Tell(m));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        private void Ack(Action action)
        {
            action();
            Sender.Tell("ack");
        }
    }

    private Task<IActorRef> Start() => Task.FromResult(Sys.ActorOf(Props.Create(() => new TimerActor(TestActor))));

    private async Task Command(IActorRef actor, object command) => Assert.Equal("ack", await actor.Ask<string>(command, TimeSpan.FromSeconds(3)));

    [Fact]
    public async Task Single_timer_fires_once_when_its_time_comes()
    {
        var actor = await Start();
        await Command(actor, new StartSingle("k", "tick", TimeSpan.FromSeconds(5)));

        Scheduler.Advance(TimeSpan.FromSeconds(4));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("tick");

        Scheduler.Advance(TimeSpan.FromSeconds(10));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.False(await actor.Ask<bool>(new IsActive("k"), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Periodic_timer_fires_every_interval_until_cancelled()
    {
        var actor = await Start();
        await Command(actor, new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)));

        Scheduler.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(["beat", "beat", "beat"], await ReceiveNAsync(3));

        await Command(actor, new CancelTimer("p"));
        Scheduler.Advance(TimeSpan.FromSeconds(3));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Starting_a_timer_with_the_same_key_replaces_the_old_one()
    {
        var actor = await Start();
        await Command(actor, new StartSingle("k", "old", TimeSpan.FromSeconds(1)));
        await Command(actor, new StartSingle("k", "new", TimeSpan.FromSeconds(2)));

        Scheduler.Advance(TimeSpan.FromSeconds(5));

        await ExpectMsgAsync("new");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task A_cancelled_timer_whose_message_is_already_queued_is_not_delivered()
    {
        var gate = new TaskCompletionSource();
        var actor = Sys.ActorOf(Props.Create(() => new BlockingTimerActor(TestActor, gate.Task)));
        await ExpectMsgAsync("armed");

        // The actor is blocked inside a handler while the tick is queued behind it; the same
        // handler then cancels the timer.
        actor.Tell("block");
        await ExpectMsgAsync("blocked");
        Scheduler.Advance(TimeSpan.FromSeconds(1));
        gate.SetResult();

        await ExpectMsgAsync("cancelled");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed class BlockingTimerActor : ReceiveActor, IWithTimers
    {
        public BlockingTimerActor(IActorRef probe, Task gate)
        {
            Timers.StartSingleTimer("t", "fired", TimeSpan.FromSeconds(1));
            probe.Tell("armed");
            ReceiveAsync<string>(s => s == "block", async _ =>
            {
                probe.Tell("blocked");
                await gate;
                Timers.Cancel("t");
                probe.Tell("cancelled");
            });
            Receive<string>(m => probe.Tell(m));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    [Fact]
    public async Task Timers_are_cancelled_when_the_actor_restarts()
    {
        var actor = await Start();
        await Command(actor, new StartPeriodic("p", "beat", TimeSpan.FromSeconds(1)));

        actor.Tell("crash");
        Assert.False(await actor.Ask<bool>(new IsActive("p"), TimeSpan.FromSeconds(3)));
        Scheduler.Advance(TimeSpan.FromSeconds(3));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Scheduled_tell_can_be_cancelled_before_it_is_due()
    {
        var cancelable = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "late", null);
        var kept = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "kept", null);

        cancelable.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(2));

        Assert.True(cancelable.IsCancellationRequested);
        Assert.False(kept.IsCancellationRequested);
        await ExpectMsgAsync("kept");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Repeated_scheduled_tell_stops_when_cancelled()
    {
        var repeating = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "r", null);

        Scheduler.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["r", "r"], await ReceiveNAsync(2));
        repeating.Cancel();
        Scheduler.Advance(TimeSpan.FromSeconds(5));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Assert.Equal(0, Scheduler.PendingCount);
    }

    /// <summary>Sets a receive timeout in PreStart and reports the timeouts it gets.</summary>
    private sealed class Idle : ReceiveActor
    {
        public Idle(IActorRef probe)
        {
            Receive<ReceiveTimeout>(_ => probe.Tell("idle"));
            Receive<string>(s => s == "off", _ =>
            {
                Context.SetReceiveTimeout(null);
                probe.Tell("off");
            });
            Receive<string>(s => probe.Tell(s));
        }

        protected override void PreStart()
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(10));
            Context.Parent.Tell("noop");
        }
    }

    [Fact]
    public async Task Receive_timeout_fires_after_inactivity_and_is_reset_by_messages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor)));
        actor.Tell("hello");
        await ExpectMsgAsync("hello");

        Scheduler.Advance(TimeSpan.FromSeconds(9));
        actor.Tell("still here");
        await ExpectMsgAsync("still here");
        Scheduler.Advance(TimeSpan.FromSeconds(9));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));

        Scheduler.Advance(TimeSpan.FromSeconds(1));
        await ExpectMsgAsync("idle");
    }

    [Fact]
    public async Task Receive_timeout_can_be_switched_off()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Idle(TestActor)));
        actor.Tell("off");
        await ExpectMsgAsync("off");

        Scheduler.Advance(TimeSpan.FromSeconds(30));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }
}

public sealed class RealTimeReceiveTimeoutTests : TestKit
{
    private sealed class ShortIdle : ReceiveActor
    {
        public ShortIdle(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromMilliseconds(50));
            Receive<ReceiveTimeout>(_ =>
            {
                Context.SetReceiveTimeout(null);
                probe.Tell("timed out");
            });
        }
    }

    [Fact]
    public async Task Receive_timeout_works_with_the_real_scheduler()
    {
        Sys.ActorOf(Props.Create(() => new ShortIdle(TestActor)));

        await ExpectMsgAsync("timed out");
    }
}
