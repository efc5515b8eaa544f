namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class EventStreamTests : TestKit
{
    private interface IAnimal;

    private sealed record Dog(string Name) : IAnimal;

    private sealed record Car(string Make);

    [Fact]
    public async Task Subscribers_get_events_of_the_channel_type_and_its_subtypes()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(IAnimal));

        Sys.EventStream.Publish(new Car("volvo"));
        Sys.EventStream.Publish(new Dog("rex"));

        await ExpectMsgAsync(new Dog("rex"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Unsubscribed_actors_get_nothing()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(Dog));
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Dog)));

        Sys.EventStream.Publish(new Dog("rex"));

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Messages_to_a_stopped_actor_are_published_as_dead_letters()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        Watch(silent);
        Sys.Stop(silent);
        await ExpectTerminatedAsync(silent);

        silent.Tell("anyone?", TestActor);

        var letter = await ExpectMsgAsync<DeadLetter>();
        Assert.Equal("anyone?", letter.Message);
        Assert.Equal(silent, letter.Recipient);
        Assert.Equal(TestActor, letter.Sender);
    }

    [Fact]
    public async Task Dead_letters_are_logged_and_matched_by_the_dead_letter_filter()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        Watch(silent);
        Sys.Stop(silent);
        await ExpectTerminatedAsync(silent);

        await EventFilter.DeadLetter<string>(s => s == "lost").ExpectOneAsync(() => silent.Tell("lost"));
        await EventFilter.Info(contains: "was not delivered").ExpectOneAsync(() => silent.Tell("lost again"));
    }

    [Fact]
    public async Task Terminated_to_dead_letters_is_not_published()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(DeadLetter));

        Sys.DeadLetters.Tell(new Terminated(ActorRefs.Nobody));
        Sys.DeadLetters.Tell("visible");

        Assert.Equal("visible", (await ExpectMsgAsync<DeadLetter>()).Message);
    }

    [Fact]
    public async Task Unhandled_messages_are_published()
    {
        Sys.EventStream.Subscribe(TestActor, typeof(UnhandledMessage));
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));

        silent.Tell(42, TestActor);

        var unhandled = await ExpectMsgAsync<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(silent, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    [Fact]
    public async Task Stopped_subscribers_are_dropped()
    {
        var subscriber = Sys.ActorOf(Props.Create(() => new Silent()));
        Sys.EventStream.Subscribe(subscriber, typeof(Dog));
        Watch(subscriber);
        Sys.Stop(subscriber);
        await ExpectTerminatedAsync(subscriber);

        Sys.EventStream.Publish(new Dog("rex"));

        Assert.False(Sys.EventStream.Unsubscribe(subscriber));
    }
}
