namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

public sealed class ReceiveActorTests : TestKit
{
    private interface IShape;

    private record Shape : IShape;

    private sealed record Circle(int Radius) : Shape;

    /// <summary>Reports which handler took each message; handler order decides.</summary>
    private sealed class Dispatcher : ReceiveActor
    {
        public Dispatcher()
        {
            Receive<Circle>(c => c.Radius == 0, _ => Sender.Tell("empty circle"));
            Receive<Circle>(_ => Sender.Tell("circle"));
            Receive<Shape>(_ => Sender.Tell("shape"));
            Receive<int>(n => Sender.Tell($"int {n}"), n => n > 0);
            Receive<(string, int)>(t => Sender.Tell($"tuple {t.Item1}"));
            ReceiveAny(m => Sender.Tell($"any {m.GetType().Name}"));
        }
    }

    [Theory]
    [InlineData(0, "empty circle")]
    [InlineData(3, "circle")]
    public async Task Predicates_and_exact_types_pick_the_handler(int radius, string expected)
    {
        var dispatcher = Sys.ActorOf(Props.Create(() => new Dispatcher()));

        dispatcher.Tell(new Circle(radius), TestActor);

        await ExpectMsgAsync(expected);
    }

    [Fact]
    public async Task Base_types_value_types_and_fallbacks_match_in_order()
    {
        var dispatcher = Sys.ActorOf(Props.Create(() => new Dispatcher()));

        dispatcher.Tell(new Shape(), TestActor);
        dispatcher.Tell(5, TestActor);
        dispatcher.Tell(-5, TestActor);
        dispatcher.Tell(("pair", 1), TestActor);
        dispatcher.Tell(2.5, TestActor);

        Assert.Equal(["shape", "int 5", "any Int32", "tuple pair", "any Double"], await ReceiveNAsync(5));
    }

    [Fact]
    public async Task Repeats_of_a_type_still_go_to_the_first_handler_whose_predicate_holds()
    {
        // Dispatch remembers the first handler that accepts the last message type; a predicate
        // that declines must still pass the message on in order, every time.
        var dispatcher = Sys.ActorOf(Props.Create(() => new Dispatcher()));

        object[] messages = [new Circle(0), new Circle(3), new Circle(0), new Circle(3), 5, -5, 5, new Shape(), new Circle(0), -1];
        foreach (var message in messages)
        {
            dispatcher.Tell(message, TestActor);
        }

        Assert.Equal(
            ["empty circle", "circle", "empty circle", "circle", "int 5", "any Int32", "int 5", "shape", "empty circle", "any Int32"],
            await ReceiveNAsync(messages.Length));
    }

    private sealed class InterfaceHandler : ReceiveActor
    {
        public InterfaceHandler() => Receive<IShape>(s => Sender.Tell(s.GetType().Name));
    }

    [Fact]
    public async Task Handlers_for_interfaces_receive_implementations()
    {
        var actor = Sys.ActorOf(Props.Create(() => new InterfaceHandler()));

        actor.Tell(new Circle(1), TestActor);

        await ExpectMsgAsync("Circle");
    }
}
