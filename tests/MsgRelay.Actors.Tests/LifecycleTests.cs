namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class LifecycleTests : TestKit
{
    [Fact]
    public async Task PoisonPill_stops_after_the_messages_queued_before_it()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));
        Watch(forwarder);

        forwarder.Tell("one");
        forwarder.Tell("two");
        forwarder.Tell(PoisonPill.Instance);
        forwarder.Tell("after the pill");

        await ExpectMsgAsync("one");
        await ExpectMsgAsync("two");
        await ExpectTerminatedAsync(forwarder);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Kill_fails_the_actor_with_ActorKilledException_and_it_is_stopped()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));
        Watch(forwarder);

        await EventFilter.Exception<ActorKilledException>().ExpectOneAsync(() => forwarder.Tell(Kill.Instance));

        await ExpectTerminatedAsync(forwarder);
    }

    [Fact]
    public async Task Kill_under_a_restarting_supervisor_restarts_instead()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new RestartingParent(probe.Ref)));
        var child = await parent.Ask<IActorRef>("child", TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync("started");

        child.Tell(Kill.Instance);

        await probe.ExpectMsgAsync("started");
    }

    private sealed class RestartingParent : ReceiveActor
    {
        public RestartingParent(IActorRef probe) =>
            Receive<string>(_ => Sender.Tell(Context.ActorOf(Props.Create(() => new StartReporter(probe)))));

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Restart);
    }

    private sealed class StartReporter : ReceiveActor
    {
        private readonly IActorRef _probe;

        public StartReporter(IActorRef probe) => _probe = probe;

        protected override void PreStart() => _probe.Tell("started");
    }

    [Fact]
    public async Task Identify_is_answered_by_every_actor()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));

        silent.Tell(new Identify("id-1"), TestActor);

        var identity = await ExpectMsgAsync<ActorIdentity>();
        Assert.Equal("id-1", identity.MessageId);
        Assert.Equal(silent, identity.Subject);
    }

    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));

        await Sys.Terminate();

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.True(((IInternalActorRef)silent).IsTerminated);
    }

    [Fact]
    public async Task Child_returns_nobody_when_absent_and_the_child_when_present()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ChildLookup()));

        Assert.Same(ActorRefs.Nobody, await parent.Ask<IActorRef>("missing", TimeSpan.FromSeconds(3)));
        var kid = await parent.Ask<IActorRef>("kid", TimeSpan.FromSeconds(3));
        Assert.Equal(parent.Path / "kid", kid.Path);
    }

    private sealed class ChildLookup : ReceiveActor
    {
        public ChildLookup()
        {
            Context.ActorOf(Props.Create(() => new Silent()), "kid");
            Receive<string>(name => Sender.Tell(Context.Child(name)));
        }
    }

    [Fact]
    public async Task GracefulStop_completes_once_the_actor_has_stopped()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));
        forwarder.Tell("before");

        Assert.True(await forwarder.GracefulStop(TimeSpan.FromSeconds(3)));

        await ExpectMsgAsync("before");
        Assert.True(((IInternalActorRef)forwarder).IsTerminated);
        Assert.Equal(0, Sys.TempContainer.Count);
    }

    [Fact]
    public async Task GracefulStop_returns_false_when_the_actor_ignores_the_stop_message()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));

        Assert.False(await silent.GracefulStop(TimeSpan.FromMilliseconds(100), "not a stop message"));
        Assert.Equal(0, Sys.TempContainer.Count);
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef next) => ReceiveAny(m => next.Forward(m));
    }

    [Fact]
    public async Task Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var relay = Sys.ActorOf(Props.Create(() => new Relay(probe.Ref)));

        relay.Tell("pass on", TestActor);

        await probe.ExpectMsgAsync("pass on");
        Assert.Equal(TestActor, probe.LastSender);
    }
}
