namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class DeathWatchTests : TestKit
{
    /// <summary>Watches or unwatches on command and reports every Terminated it gets.</summary>
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<(string Command, IActorRef Target)>(c =>
            {
                if (c.Command == "watch")
                {
                    Context.Watch(c.Target);
                    Context.Watch(c.Target);
                }
                else
                {
                    Context.Unwatch(c.Target);
                }
                Sender.Tell("done");
            });
            Receive<Terminated>(t => probe.Tell(t));
        }
    }

    [Fact]
    public async Task Terminated_is_delivered_exactly_once()
    {
        var probe = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(probe.Ref)));
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        await watcher.Ask<string>(("watch", target), TimeSpan.FromSeconds(3));

        Sys.Stop(target);

        var terminated = await probe.ExpectMsgAsync<Terminated>();
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Watching_an_already_dead_actor_delivers_Terminated()
    {
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        Watch(target);
        Sys.Stop(target);
        await ExpectTerminatedAsync(target);
        var probe = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(probe.Ref)));

        await watcher.Ask<string>(("watch", target), TimeSpan.FromSeconds(3));

        Assert.Equal(target, (await probe.ExpectMsgAsync<Terminated>()).ActorRef);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Unwatch_prevents_Terminated()
    {
        var probe = CreateTestProbe();
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(probe.Ref)));
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        await watcher.Ask<string>(("watch", target), TimeSpan.FromSeconds(3));
        await watcher.Ask<string>(("unwatch", target), TimeSpan.FromSeconds(3));

        Sys.Stop(target);
        Watch(target);
        await ExpectTerminatedAsync(target);

        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Watching_nobody_delivers_Terminated_without_existence_confirmed()
    {
        Watch(ActorRefs.Nobody);

        var terminated = await ExpectTerminatedAsync(ActorRefs.Nobody);

        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public async Task An_unhandled_Terminated_stops_the_watcher_with_a_death_pact()
    {
        var target = Sys.ActorOf(Props.Create(() => new Silent()));
        var pact = Sys.ActorOf(Props.Create(() => new DeathPact(target)));
        Watch(pact);

        await EventFilter.Exception<DeathPactException>().ExpectOneAsync(() => Sys.Stop(target));

        await ExpectTerminatedAsync(pact);
    }

    private sealed class DeathPact : ReceiveActor
    {
        public DeathPact(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public async Task Stopping_a_parent_stops_its_children_first()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new HookReporter(probe.Ref, "parent", true)), "p");
        await probe.ExpectMsgAsync("parent started");
        await probe.ExpectMsgAsync("child started");

        Sys.Stop(parent);

        await probe.ExpectMsgAsync("child stopped");
        await probe.ExpectMsgAsync("parent stopped");
    }

    private sealed class HookReporter : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly string _name;

        public HookReporter(IActorRef probe, string name, bool withChild)
        {
            _probe = probe;
            _name = name;
            if (withChild)
            {
                Context.ActorOf(Props.Create(() => new HookReporter(probe, "child", false)), "child");
            }
        }

        protected override void PreStart() => _probe.Tell($"{_name} started");

        protected override void PostStop() => _probe.Tell($"{_name} stopped");
    }
}
