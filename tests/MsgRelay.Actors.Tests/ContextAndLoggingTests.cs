namespace MsgRelay.Actors.Tests;

using Microsoft.Extensions.Logging;
using MsgRelay.Actors.TestKit;

public sealed class ContextAndLoggingTests : TestKit
{
    /// <summary>Logs through the bridge; the logger is created once, in the constructor.</summary>
    private sealed class Chatty : ReceiveActor
    {
        private readonly ILogger _log;

        public Chatty()
        {
            _log = Context.GetLogger();
            Receive<string>(s =>
            {
                _log.LogInformation("Heard {Word}", s);
                Sender.Tell("logged");
            });
        }
    }

    [Fact]
    public async Task Actor_log_events_carry_the_actor_path()
    {
        var chatty = Sys.ActorOf(Props.Create(() => new Chatty()), "chatty");

        await EventFilter.Info(contains: "Heard hello").ExpectOneAsync(async () =>
            Assert.Equal("logged", await chatty.Ask<string>("hello", TimeSpan.FromSeconds(3))));

        var logged = Assert.Single(LogEvents, e => e.Message == "Heard hello");
        Assert.Equal("msgrelay://test/user/chatty", logged.Properties["ActorPath"]);
        Assert.Equal("hello", logged.Properties["Word"]);
        Assert.Equal(typeof(Chatty).FullName, logged.Category);
    }

    /// <summary>Blocks until both instances are inside a handler, then reports who it believes it is.</summary>
    private sealed class Introspective : ReceiveActor
    {
        public Introspective(Barrier barrier)
        {
            Receive<string>(_ =>
            {
                var selfBefore = Self;
                var senderBefore = Sender;
                // Both actors are now running at once on two pool threads.
                barrier.SignalAndWait(TimeSpan.FromSeconds(5));
                Sender.Tell((selfBefore == Context.Self, senderBefore == Context.Sender, Context.Self.Path.Name, Environment.CurrentManagedThreadId));
            });
        }
    }

    [Fact]
    public async Task Context_belongs_to_each_actor_even_on_concurrent_threads()
    {
        using var barrier = new Barrier(2);
        var first = Sys.ActorOf(Props.Create(() => new Introspective(barrier)), "first");
        var second = Sys.ActorOf(Props.Create(() => new Introspective(barrier)), "second");
        var probe1 = CreateTestProbe();
        var probe2 = CreateTestProbe();

        first.Tell("who", probe1.Ref);
        second.Tell("who", probe2.Ref);

        var one = await probe1.ExpectMsgAsync<(bool, bool, string, int)>();
        var two = await probe2.ExpectMsgAsync<(bool, bool, string, int)>();
        Assert.Equal((true, true, "first"), (one.Item1, one.Item2, one.Item3));
        Assert.Equal((true, true, "second"), (two.Item1, two.Item2, two.Item3));
        Assert.NotEqual(one.Item4, two.Item4);
    }

    [Fact]
    public async Task Children_are_listed_and_stop_removes_them()
    {
        var parent = Sys.ActorOf(Props.Create(() => new Parent()));

        Assert.Equal(["a", "b"], await parent.Ask<string[]>("list", TimeSpan.FromSeconds(3)));
        parent.Tell("stop a");
        await AwaitAssertAsync(async () => Assert.Equal(["b"], await parent.Ask<string[]>("list", TimeSpan.FromSeconds(3))));
    }

    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Context.ActorOf(Props.Create(() => new Silent()), "a");
            Context.ActorOf(Props.Create(() => new Silent()), "b");
            Receive<string>(s => s == "list", _ => Sender.Tell(Context.Children.Select(c => c.Path.Name).Order().ToArray()));
            Receive<string>(s => s == "stop a", _ => Context.Stop(Context.Child("a")));
        }
    }
}
