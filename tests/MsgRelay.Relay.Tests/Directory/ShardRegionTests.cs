using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Relay.Directory;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

public sealed class ShardRegionTests : TestKit
{
    private sealed record Started(string EntityId);

    private sealed record WhoAreYou;

    private sealed record Identity(string EntityId, IActorRef Entity);

    private sealed record PleasePassivate;

    private sealed record StopRequested;

    /// <summary>Announces its start to the probe and answers with its id and reference.</summary>
    private sealed class EchoEntity : ReceiveActor
    {
        public EchoEntity(string id, IActorRef probe)
        {
            probe.Tell(new Started(id));
            Receive<WhoAreYou>(_ => Sender.Tell(new Identity(id, Self)));
            Receive<PleasePassivate>(_ => Context.Parent.Tell(new Passivate(new StopRequested())));
            Receive<StopRequested>(m => probe.Tell(m));
        }
    }

    private IActorRef StartRegion(TestProbe starts, int shards = 10) =>
        Sys.ActorOf(ShardRegion.Props(id => Props.Create(() => new EchoEntity(id, starts.Ref)), new ShardEnvelopeExtractor(shards)));

    [Fact]
    public async Task Entity_is_created_on_first_message_only()
    {
        var starts = CreateTestProbe();
        var region = StartRegion(starts);
        await starts.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));

        region.Tell(new ShardEnvelope("bob", new WhoAreYou()), TestActor);
        Assert.Equal("bob", (await starts.ExpectMsgAsync<Started>()).EntityId);
        Assert.Equal("bob", (await ExpectMsgAsync<Identity>()).EntityId);
    }

    [Fact]
    public async Task Same_id_reaches_the_same_entity()
    {
        var starts = CreateTestProbe();
        var region = StartRegion(starts);

        region.Tell(new ShardEnvelope("bob", new WhoAreYou()), TestActor);
        var first = await ExpectMsgAsync<Identity>();
        region.Tell(new ShardEnvelope("bob", new WhoAreYou()), TestActor);
        var second = await ExpectMsgAsync<Identity>();

        Assert.Equal(first.Entity, second.Entity);
        await starts.ExpectMsgAsync<Started>();
        await starts.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task User_names_differing_in_case_reach_the_same_directory_entity()
    {
        var region = StartRegion(CreateTestProbe());

        region.Tell(new ShardEnvelope(UserDirectory.EntityIdOf("Bob"), new WhoAreYou()), TestActor);
        var first = await ExpectMsgAsync<Identity>();
        region.Tell(new ShardEnvelope(UserDirectory.EntityIdOf("BOB"), new WhoAreYou()), TestActor);
        var second = await ExpectMsgAsync<Identity>();

        Assert.Equal(first.Entity, second.Entity);
        Assert.Equal("bob", second.EntityId);
    }

    [Fact]
    public async Task Entities_are_grouped_into_shards_by_stable_hash()
    {
        var region = StartRegion(CreateTestProbe(), shards: 7);
        foreach (var id in new[] { "alice", "bob", "carol", "foobar", "a/b c$" })
        {
            region.Tell(new ShardEnvelope(id, new WhoAreYou()), TestActor);
            await ExpectMsgAsync<Identity>();
        }

        var entities = await region.Ask<RegionEntities>(new GetRegionEntities(), TimeSpan.FromSeconds(3));

        foreach (var (shard, ids) in entities.EntitiesByShard)
        {
            Assert.All(ids, id => Assert.Equal(StableHash.ShardOf(id, 7), shard));
        }

        Assert.Equal(5, entities.EntitiesByShard.Values.Sum(ids => ids.Count));
        Assert.Contains("foobar", entities.EntitiesByShard["0"]);
    }

    [Fact]
    public async Task Message_arriving_during_passivation_starts_a_fresh_entity()
    {
        var starts = CreateTestProbe();
        var region = StartRegion(starts);
        region.Tell(new ShardEnvelope("bob", new WhoAreYou()), TestActor);
        var first = await ExpectMsgAsync<Identity>();
        await starts.ExpectMsgAsync<Started>();
        Watch(first.Entity);

        region.Tell(new ShardEnvelope("bob", new PleasePassivate()), TestActor);
        await starts.ExpectMsgAsync<StopRequested>();

        // The shard now buffers for bob; the old entity takes its time to stop.
        region.Tell(new ShardEnvelope("bob", new WhoAreYou()), TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        first.Entity.Tell(PoisonPill.Instance);

        await ExpectTerminatedAsync(first.Entity);
        var second = await ExpectMsgAsync<Identity>();
        Assert.NotEqual(first.Entity, second.Entity);
        await starts.ExpectMsgAsync<Started>();
    }
}
