namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class SupervisionTests : TestKit
{
    private sealed record Fail(Exception Error);

    private sealed record GetCount;

    /// <summary>Counts messages, reports its hooks to a probe, throws on request.</summary>
    private sealed class Counter : ReceiveActor
    {
        private readonly IActorRef _probe;
        private int _count;

        public Counter(IActorRef probe)
        {
            _probe = probe;
            _probe.Tell("ctor");
            Receive<Fail>(f => throw f.Error);
            Receive<GetCount>(_ => Sender.Tell(_count));
            Receive<string>(s =>
            {
                _count++;
                _probe.Tell($"got {s}");
            });
        }

        protected override void PreStart() => _probe.Tell("preStart");

        protected override void PostStop() => _probe.Tell("postStop");

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"preRestart {reason.Message} {message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _probe.Tell($"postRestart {reason.Message}");
            base.PostRestart(reason);
        }
    }

    /// <summary>A parent that creates children on demand and supervises them with a given strategy.</summary>
    private sealed class Parent : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Parent(SupervisorStrategy strategy)
        {
            _strategy = strategy;
            Receive<Props>(p => Sender.Tell(Context.ActorOf(p)));
            Receive<(Props Props, string Name)>(p => Sender.Tell(Context.ActorOf(p.Props, p.Name)));
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    private async Task<IActorRef> ChildOf(SupervisorStrategy strategy, Props childProps)
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent(strategy)));
        return await parent.Ask<IActorRef>(childProps, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Restart_resets_state_keeps_the_mailbox_and_calls_hooks_in_order()
    {
        var probe = CreateTestProbe();
        var child = await ChildOf(new OneForOneStrategy(_ => Directive.Restart), Props.Create(() => new Counter(probe.Ref)));
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("preStart");
        child.Tell("a");
        await probe.ExpectMsgAsync("got a");

        var boom = new InvalidOperationException("boom");
        child.Tell(new Fail(boom));
        child.Tell("queued behind the failure");

        await probe.ExpectMsgAsync<string>(s => s.StartsWith("preRestart boom", StringComparison.Ordinal));
        await probe.ExpectMsgAsync("postStop");
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("postRestart boom");
        await probe.ExpectMsgAsync("preStart");
        await probe.ExpectMsgAsync("got queued behind the failure");
        Assert.Equal(1, await child.Ask<int>(new GetCount(), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Resume_keeps_the_state()
    {
        var probe = CreateTestProbe();
        var child = await ChildOf(new OneForOneStrategy(_ => Directive.Resume), Props.Create(() => new Counter(probe.Ref)));
        child.Tell("a");
        child.Tell(new Fail(new InvalidOperationException("resume me")));
        child.Tell("b");

        await probe.FishForMessageAsync<string>(s => s == "got b");
        Assert.Equal(2, await child.Ask<int>(new GetCount(), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Stop_directive_stops_the_child()
    {
        var probe = CreateTestProbe();
        var child = await ChildOf(new OneForOneStrategy(_ => Directive.Stop), Props.Create(() => new Counter(probe.Ref)));
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("stop me")));

        await ExpectTerminatedAsync(child);
        await probe.FishForMessageAsync<string>(s => s == "postStop");
    }

    [Fact]
    public async Task Escalate_fails_the_parent_which_its_own_supervisor_restarts()
    {
        var probe = CreateTestProbe();
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var grandparent = Sys.ActorOf(Props.Create(() => new Parent(new OneForOneStrategy(_ => Directive.Restart))));
        var parent = await grandparent.Ask<IActorRef>(Props.Create(() => new Parent(escalating)), TimeSpan.FromSeconds(3));
        var child = await parent.Ask<IActorRef>(Props.Create(() => new Counter(probe.Ref)), TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("preStart");
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("escalate me")));

        // The parent restarts, and its default PreRestart stops the child.
        await ExpectTerminatedAsync(child);
        var newChild = await parent.Ask<IActorRef>(Props.Create(() => new Counter(probe.Ref)), TimeSpan.FromSeconds(3));
        Assert.NotEqual(child, newChild);
    }

    [Fact]
    public async Task Exceeding_the_retry_limit_stops_the_child()
    {
        var probe = CreateTestProbe();
        var child = await ChildOf(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart), Props.Create(() => new Counter(probe.Ref)));
        Watch(child);

        await EventFilter.Warning(contains: "exceeded 2 restarts").ExpectOneAsync(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                child.Tell(new Fail(new InvalidOperationException($"failure {i}")));
            }
        });

        await ExpectTerminatedAsync(child);
    }

    [Fact]
    public async Task All_for_one_restarts_the_siblings_too()
    {
        var probeA = CreateTestProbe();
        var probeB = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new Parent(new AllForOneStrategy(_ => Directive.Restart))));
        var a = await parent.Ask<IActorRef>((Props.Create(() => new Counter(probeA.Ref)), "a"), TimeSpan.FromSeconds(3));
        var b = await parent.Ask<IActorRef>((Props.Create(() => new Counter(probeB.Ref)), "b"), TimeSpan.FromSeconds(3));
        b.Tell("x");
        await probeB.FishForMessageAsync<string>(s => s == "got x");

        a.Tell(new Fail(new InvalidOperationException("all")));

        await probeB.FishForMessageAsync<string>(s => s == "postRestart all");
        Assert.Equal(0, await b.Ask<int>(new GetCount(), TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Default_strategy_restarts_and_logs_the_failure_with_its_exception()
    {
        var probe = CreateTestProbe();
        var child = Sys.ActorOf(Props.Create(() => new Counter(probe.Ref)), "logged");
        await probe.ExpectMsgAsync("ctor");
        await probe.ExpectMsgAsync("preStart");

        await EventFilter.Exception<InvalidOperationException>("kaput").ExpectOneAsync(() => child.Tell(new Fail(new InvalidOperationException("kaput"))));

        await probe.FishForMessageAsync<string>(s => s == "postRestart kaput");
    }

    [Fact]
    public async Task Failure_in_the_constructor_stops_the_actor()
    {
        var failing = Sys.ActorOf(Props.Create<ReceiveActor>(() => throw new InvalidOperationException("no start")));
        Watch(failing);

        await ExpectTerminatedAsync(failing);
    }

    [Fact]
    public async Task Props_supervisor_strategy_overrides_the_actors_own()
    {
        var probe = CreateTestProbe();
        var parentProps = Props.Create(() => new Parent(new OneForOneStrategy(_ => Directive.Restart)))
            .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop));
        var parent = Sys.ActorOf(parentProps);
        var child = await parent.Ask<IActorRef>(Props.Create(() => new Counter(probe.Ref)), TimeSpan.FromSeconds(3));
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("stop")));

        await ExpectTerminatedAsync(child);
    }
}
