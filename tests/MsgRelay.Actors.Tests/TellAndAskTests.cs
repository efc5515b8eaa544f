namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class TellAndAskTests : TestKit
{
    private sealed class PingPong : ReceiveActor
    {
        public PingPong() => Receive<Ping>(p => Sender.Tell(new Pong(p.N)));
    }

    [Fact]
    public async Task Tell_delivers_the_message_with_its_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new PingPong()), "echo");

        echo.Tell(new Ping(1), TestActor);

        Assert.Equal(new Pong(1), await ExpectMsgAsync<Pong>());
        Assert.Equal(echo, LastSender);
        Assert.Equal("msgrelay://test/user/echo", echo.Path.ToString());
    }

    [Fact]
    public async Task Messages_from_one_sender_arrive_in_the_order_sent()
    {
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));

        for (var i = 0; i < 1000; i++)
        {
            forwarder.Tell(i);
        }

        var received = await ReceiveNAsync(1000);
        Assert.Equal(Enumerable.Range(0, 1000).Cast<object>(), received);
    }

    [Fact]
    public async Task An_actor_with_deferred_wake_ups_gets_every_message_in_order_also_from_other_actors()
    {
        var props = Props.Create(() => new Forwarder(TestActor)).WithDeferredWakeUp().WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Stop));
        var deferred = Sys.ActorOf(props);
        // Half told from the test thread, half from an actor's turn (a pool thread, where the
        // default would be the worker's local queue).
        var relay = Sys.ActorOf(Props.Create(() => new Forwarder(deferred)));

        for (var i = 0; i < 500; i++)
        {
            deferred.Tell(i);
        }
        for (var i = 500; i < 1000; i++)
        {
            relay.Tell(i);
        }

        Assert.True(props.DeferWakeUp);
        var received = await ReceiveNAsync(1000);
        Assert.Equal(Enumerable.Range(0, 500).Cast<object>(), received.Where(m => (int)m < 500));
        Assert.Equal(Enumerable.Range(500, 500).Cast<object>(), received.Where(m => (int)m >= 500));
    }

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create(() => new PingPong()));

        var pong = await echo.Ask<Pong>(new Ping(2), TimeSpan.FromSeconds(3));

        Assert.Equal(2, pong.N);
        Assert.Equal(0, Sys.TempContainer.Count);
    }

    [Fact]
    public async Task Ask_timeout_names_target_and_timeout_and_removes_the_temporary_actor()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");

        var error = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("hello", TimeSpan.FromMilliseconds(100)));

        Assert.Contains("msgrelay://test/user/silent", error.Message, StringComparison.Ordinal);
        Assert.Contains("00:00:00.1", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sys.TempContainer.Count);
    }

    [Fact]
    public async Task Ask_with_a_failure_reply_throws_its_exception()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => echo.Ask<string>(new Status.Failure(new InvalidOperationException("nope")), TimeSpan.FromSeconds(3)));

        Assert.Equal("nope", error.Message);
    }

    [Fact]
    public async Task Ask_can_be_cancelled()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<string>("hello", TimeSpan.FromSeconds(30), cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
        Assert.Equal(0, Sys.TempContainer.Count);
    }

    [Fact]
    public async Task Tell_inside_an_actor_without_sender_sends_as_that_actor()
    {
        var replier = Sys.ActorOf(Props.Create(() => new PingPong()));

        replier.Tell(new Ping(3), TestActor);

        await ExpectMsgAsync(new Pong(3));
        Assert.Equal(replier, LastSender);
    }

    [Fact]
    public async Task A_message_without_sender_sees_dead_letters_as_sender()
    {
        var probe = CreateTestProbe();
        var reporter = Sys.ActorOf(Props.Create(() => new Forwarder(probe.Ref)));

        reporter.Tell("no sender", ActorRefs.NoSender);

        await probe.ExpectMsgAsync("no sender");
        Assert.Equal(Sys.DeadLetters, probe.LastSender);
    }

    [Fact]
    public void Duplicate_child_names_are_rejected()
    {
        Sys.ActorOf(Props.Create(() => new Silent()), "twin");

        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create(() => new Silent()), "twin"));
    }

    [Fact]
    public void Creating_an_actor_with_new_fails_clearly()
    {
        var error = Assert.Throws<ActorInitializationException>(() => new Silent());

        Assert.Contains("Props", error.Message, StringComparison.Ordinal);
    }
}
