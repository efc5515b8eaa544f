namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class StashAndBecomeTests : TestKit
{
    /// <summary>Stashes everything until "open", then replays it and handles the rest in order.</summary>
    private sealed class Gate : ReceiveActor, IWithStash
    {
        public Gate(IActorRef probe)
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<string>(m => probe.Tell(m)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash while closed"));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    [Fact]
    public async Task UnstashAll_replays_stashed_messages_in_order_before_newer_ones()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));

        gate.Tell("a");
        gate.Tell("b");
        gate.Tell("c");
        gate.Tell("open");
        gate.Tell("d");

        Assert.Equal(["a", "b", "c", "d"], await ReceiveNAsync(4));
    }

    [Fact]
    public async Task Stashed_messages_survive_a_restart()
    {
        var gate = Sys.ActorOf(Props.Create(() => new Gate(TestActor)));
        gate.Tell("a");
        gate.Tell("b");

        gate.Tell("crash");
        gate.Tell("open");

        // After the restart the stash went back to the mailbox ahead of "open": the new instance
        // stashes them again, then replays them.
        Assert.Equal(["a", "b"], await ReceiveNAsync(2));
    }

    [Fact]
    public async Task Unstash_returns_only_the_oldest_message()
    {
        var actor = Sys.ActorOf(Props.Create(() => new OneByOne(TestActor)));
        actor.Tell("x");
        actor.Tell("y");

        actor.Tell(1);

        await ExpectMsgAsync("x");
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        actor.Tell(1);
        await ExpectMsgAsync("y");
    }

    private sealed class OneByOne : ReceiveActor, IWithStash
    {
        public OneByOne(IActorRef probe)
        {
            Receive<string>(_ => Stash.Stash());
            Receive<int>(_ =>
            {
                BecomeStacked(() => Receive<string>(s =>
                {
                    probe.Tell(s);
                    UnbecomeStacked();
                }));
                Stash.Unstash();
            });
        }

        public IStash Stash { get; set; } = null!;
    }

    /// <summary>Switches between two named states like a protocol state machine.</summary>
    private sealed class Switch : ReceiveActor
    {
        public Switch() => Off();

        private void Off() => Receive<string>(s =>
        {
            Sender.Tell($"off:{s}");
            if (s == "flip")
            {
                Become(On);
            }
        });

        private void On() => Receive<string>(s =>
        {
            if (s == "boom")
            {
                throw new InvalidOperationException("boom");
            }
            Sender.Tell($"on:{s}");
            if (s == "back")
            {
                Context.Unbecome();
            }
        });
    }

    [Fact]
    public async Task Become_replaces_handlers_and_Unbecome_returns_to_the_initial_behaviour()
    {
        var sw = Sys.ActorOf(Props.Create(() => new Switch()));

        foreach (var m in new[] { "x", "flip", "y", "back", "z" })
        {
            sw.Tell(m, TestActor);
        }

        Assert.Equal(["off:x", "off:flip", "on:y", "on:back", "off:z"], await ReceiveNAsync(5));
    }

    [Fact]
    public async Task Restart_returns_to_the_initial_behaviour()
    {
        var sw = Sys.ActorOf(Props.Create(() => new Switch()));
        sw.Tell("flip", TestActor);
        await ExpectMsgAsync("off:flip");

        sw.Tell("boom", TestActor);
        sw.Tell("after", TestActor);

        await ExpectMsgAsync("off:after");
    }
}
