namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class ActorSelectionTests : TestKit
{
    private sealed class Family : ReceiveActor
    {
        public Family(IActorRef probe)
        {
            Context.ActorOf(Props.Create(() => new Forwarder(probe)), "kid1");
            Context.ActorOf(Props.Create(() => new Forwarder(probe)), "kid2");
            Receive<string>(path => Context.ActorSelection(path).Tell($"via {path}", Sender));
        }
    }

    [Fact]
    public async Task Absolute_paths_resolve_with_and_without_the_address()
    {
        var echo = Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        Assert.Equal(echo, await Sys.ActorSelection("/user/echo").ResolveOne(TimeSpan.FromSeconds(1)));
        Assert.Equal(echo, await Sys.ActorSelection("msgrelay://test/user/echo").ResolveOne(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ResolveOne_throws_when_nobody_lives_there()
    {
        var error = await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection("/user/ghost").ResolveOne(TimeSpan.FromSeconds(1)));

        Assert.Contains("/user/ghost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tell_through_a_selection_reaches_the_actor()
    {
        Sys.ActorOf(Props.Create(() => new Echo()), "echo");

        Sys.ActorSelection("/user/echo").Tell("hi", TestActor);

        await ExpectMsgAsync("hi");
    }

    [Fact]
    public async Task Relative_paths_resolve_from_the_actor()
    {
        var family = Sys.ActorOf(Props.Create(() => new Family(TestActor)), "family");

        family.Tell("kid1");
        await ExpectMsgAsync("via kid1");
        family.Tell("kid1/../kid2");
        await ExpectMsgAsync("via kid1/../kid2");
    }

    [Fact]
    public async Task Wildcards_reach_every_matching_child()
    {
        var family = Sys.ActorOf(Props.Create(() => new Family(TestActor)), "family");

        family.Tell("kid*");

        Assert.Equal(["via kid*", "via kid*"], await ReceiveNAsync(2));
    }

    [Fact]
    public async Task Tell_to_an_empty_selection_becomes_a_dead_letter()
    {
        await EventFilter.DeadLetter<string>().ExpectOneAsync(() => Sys.ActorSelection("/user/nobody-here").Tell("lost"));
    }

    [Fact]
    public async Task Temporary_ask_actors_live_under_temp_while_waiting()
    {
        var probe = CreateTestProbe();
        var ask = probe.Ref.Ask<string>("question", TimeSpan.FromSeconds(3));
        await probe.ExpectMsgAsync("question");
        Assert.StartsWith("msgrelay://test/temp/", probe.LastSender.Path.ToString(), StringComparison.Ordinal);
        Assert.Equal(probe.LastSender, await Sys.ActorSelection(probe.LastSender.Path.ToString()).ResolveOne(TimeSpan.FromSeconds(1)));

        probe.Reply("answer");

        Assert.Equal("answer", await ask);
        await Assert.ThrowsAsync<ActorNotFoundException>(() => Sys.ActorSelection(probe.LastSender.Path.ToString()).ResolveOne(TimeSpan.FromSeconds(1)));
    }
}
