using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Cluster.Tools.PublishSubscribe;
using MsgRelay.Hocon;
using MsgRelay.Remote;
using MsgRelay.Remote.Transport.InMemory;

namespace MsgRelay.Cluster.Tools.Tests.PublishSubscribe;

public sealed class DistributedPubSubTests : TestKit
{
    private const string FastConfig = """
        msgrelay.cluster {
          gossip-interval = 100ms
          leader-actions-interval = 100ms
          seed-nodes = ["10.0.0.1:2552"]
          failure-detector { heartbeat-interval = 100ms, acceptable-heartbeat-pause = 1s, first-heartbeat-estimate = 100ms }
        }
        msgrelay.remote { min-backoff = 20ms, max-backoff = 200ms }
        """;

    private static readonly ActorSystemSettings NodeSettings = new() { CoordinatedShutdownDefaultPhaseTimeout = TimeSpan.FromSeconds(2) };
    private readonly InMemoryNetwork _network = new();
    private readonly List<ActorSystem> _others = [];

    public DistributedPubSubTests() : base(NodeSettings)
    {
    }

    public override async Task DisposeAsync()
    {
        await Task.WhenAll(_others.Select(s => s.Terminate()));
        await base.DisposeAsync();
    }

    private async Task<Cluster> StartNode(int node)
    {
        var system = node == 1 ? Sys : ActorSystem.Create("test", NodeSettings);
        if (node != 1)
        {
            _others.Add(system);
        }
        return await Cluster.StartAsync(system, ConfigFactory.ParseString($"msgrelay.cluster.host = \"10.0.0.{node}\"\n{FastConfig}"), _network.CreateTransport());
    }

    private Task<Cluster[]> StartTwo() => Start(2);

    private async Task<Cluster[]> Start(int count)
    {
        var nodes = new Cluster[count];
        for (var i = 0; i < count; i++)
        {
            nodes[i] = await StartNode(i + 1);
        }
        await AwaitAssertAsync(() => Assert.All(nodes, n => Assert.Equal(count, n.State.Members.Count(m => m.Status == MemberStatus.Up))), Dilated(TimeSpan.FromSeconds(10)));
        return nodes;
    }

    // Subscriptions spread by gossip: wait until `publisher` knows exactly `expected` as the other nodes with subscribers.
    private async Task AwaitSubscribedNodes(Cluster publisher, string topic, params Cluster[] expected) =>
        await AwaitAssertAsync(async () =>
        {
            var known = await DistributedPubSub.Get(publisher.System).Mediator.Ask<SubscribedNodes>(new GetSubscribedNodes(topic), Dilated(TimeSpan.FromSeconds(3)));
            Assert.Equal(expected.Select(n => n.SelfAddress).Order(), known.Nodes);
        }, Dilated(TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task Message_published_on_one_node_reaches_subscribers_on_every_node()
    {
        var nodes = await StartTwo();
        var remoteProbePath = nodes[0].Remoting.FullPathOf(TestActor);
        // A subscriber on node 2 that forwards to the probe on node 1 over remoting.
        var forwarder = nodes[1].System.ActorOf(Props.Create(() => new Forwarder(Remoting.Get(nodes[1].System).ResolveActorRef(remoteProbePath))), "forwarder");
        DistributedPubSub.Get(nodes[0].System).Mediator.Tell(new Subscribe("broadcast", TestActor), TestActor);
        await ExpectMsgAsync<SubscribeAck>();
        DistributedPubSub.Get(nodes[1].System).Mediator.Tell(new Subscribe("broadcast", forwarder), TestActor);
        await ExpectMsgAsync<SubscribeAck>();

        await AwaitSubscribedNodes(nodes[1], "broadcast", nodes[0]);

        DistributedPubSub.Get(nodes[1].System).Mediator.Tell(new Publish("broadcast", "hello all"));

        var received = await ReceiveNAsync(2, Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(["forwarded:hello all", "hello all"], received.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Other_topics_and_unsubscribed_actors_receive_nothing()
    {
        await StartTwo();
        var mediator = DistributedPubSub.Get(Sys).Mediator;
        mediator.Tell(new Subscribe("a", TestActor), TestActor);
        await ExpectMsgAsync<SubscribeAck>();
        mediator.Tell(new Unsubscribe("a", TestActor), TestActor);
        await ExpectMsgAsync<UnsubscribeAck>();

        mediator.Tell(new Publish("a", "x"));
        mediator.Tell(new Publish("b", "y"));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, await mediator.Ask<int>(new CountSubscribers("a"), Dilated(TimeSpan.FromSeconds(3))));
    }

    [Fact]
    public async Task Stopped_subscriber_is_dropped()
    {
        await StartTwo();
        var mediator = DistributedPubSub.Get(Sys).Mediator;
        var subscriber = Sys.ActorOf(Props.Create(() => new Forwarder(TestActor)));
        mediator.Tell(new Subscribe("a", subscriber), TestActor);
        await ExpectMsgAsync<SubscribeAck>();

        Sys.Stop(subscriber);

        await AwaitAssertAsync(async () => Assert.Equal(0, await mediator.Ask<int>(new CountSubscribers("a"), Dilated(TimeSpan.FromSeconds(3)))), Dilated(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Subscriptions_spread_by_gossip_and_a_publish_goes_only_to_nodes_with_subscribers()
    {
        var nodes = await Start(3);
        var probeOnOne = nodes[0].Remoting.FullPathOf(TestActor);
        var forwarder = nodes[1].System.ActorOf(Props.Create(() => new Forwarder(Remoting.Get(nodes[1].System).ResolveActorRef(probeOnOne))), "forwarder");
        DistributedPubSub.Get(nodes[1].System).Mediator.Tell(new Subscribe("news", forwarder), TestActor);
        await ExpectMsgAsync<SubscribeAck>();
        // The extension starts a node's mediator on first use; node 3's must run to take part in gossip.
        DistributedPubSub.Get(nodes[2].System).Mediator.Tell(new GetSubscribedNodes("news"), TestActor);
        await ExpectMsgAsync<SubscribedNodes>();

        // Node 3's mediator runs but has no subscriber: publishers on 1 and 3 learn of node 2 only.
        await AwaitSubscribedNodes(nodes[0], "news", nodes[1]);
        await AwaitSubscribedNodes(nodes[2], "news", nodes[1]);

        DistributedPubSub.Get(Sys).Mediator.Tell(new Publish("news", "from one"));
        DistributedPubSub.Get(nodes[2].System).Mediator.Tell(new Publish("news", "from three"));

        var received = await ReceiveNAsync(2, Dilated(TimeSpan.FromSeconds(5)));
        Assert.Equal(["forwarded:from one", "forwarded:from three"], received.Cast<string>().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unsubscribe_spreads_too_and_the_node_is_no_longer_published_to()
    {
        var nodes = await StartTwo();
        var mediatorTwo = DistributedPubSub.Get(nodes[1].System).Mediator;
        var subscriber = nodes[1].System.ActorOf(Props.Create(() => new Forwarder(ActorRefs.Nobody)));
        mediatorTwo.Tell(new Subscribe("news", subscriber), TestActor);
        await ExpectMsgAsync<SubscribeAck>();
        await AwaitSubscribedNodes(nodes[0], "news", nodes[1]);

        mediatorTwo.Tell(new Unsubscribe("news", subscriber), TestActor);
        await ExpectMsgAsync<UnsubscribeAck>();

        await AwaitSubscribedNodes(nodes[0], "news");
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => Receive<string>(text => target.Tell("forwarded:" + text));
    }
}
