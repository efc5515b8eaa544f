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
