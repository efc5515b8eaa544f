namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

/// <summary>
/// The mailbox's hand-offs between producers and the running turn. A lost wake-up leaves a message
/// queued with no turn scheduled: with one message in flight that is a hang, so these tests fail
/// by timing out rather than by a flaky threshold.
/// </summary>
public sealed class MailboxHandOffTests : TestKit
{
    private const int Senders = 4;
    private const int MessagesPerSender = 20_000;
    private const int RoundTrips = 20_000;
    private const int Pairs = 8;
    private const int BallsPerPair = 2;

    private sealed record Numbered(int Sender, int Seq);

    private sealed record Counted(int Total, bool InOrder);

    private sealed record Start(int RoundTrips);

    private sealed record Finished(int RoundTrips);

    private sealed record Ball;

    private sealed class OrderChecker : ReceiveActor
    {
        private readonly int[] _next = new int[Senders];
        private int _total;
        private bool _inOrder = true;

        public OrderChecker(IActorRef report) => Receive<Numbered>(m =>
        {
            _inOrder &= m.Seq == _next[m.Sender];
            _next[m.Sender] = m.Seq + 1;
            if (++_total == Senders * MessagesPerSender)
            {
                report.Tell(new Counted(_total, _inOrder));
            }
        });
    }

    /// <summary>Releases one permit per sender once every sender's message of a burst is in.</summary>
    private sealed class BurstCollector : ReceiveActor
    {
        private int _received;

        public BurstCollector(SemaphoreSlim burstDone) => Receive<Numbered>(_ =>
        {
            if (++_received % Senders == 0)
            {
                burstDone.Release(Senders);
            }
        });
    }

    private sealed class Bouncer : ReceiveActor
    {
        public Bouncer() => Receive<Ball>(b => Sender.Tell(b, Self));
    }

    private sealed class Server : ReceiveActor
    {
        private readonly IActorRef _partner;
        private IActorRef? _report;
        private int _left;
        private int _total;

        public Server(IActorRef partner)
        {
            _partner = partner;
            Receive<Start>(s =>
            {
                (_report, _left, _total) = (Sender, s.RoundTrips, s.RoundTrips);
                for (var i = 0; i < BallsPerPair; i++)
                {
                    _partner.Tell(new Ball(), Self);
                }
            });
            Receive<Ball>(b =>
            {
                // Each ball is played until the pair has made its round trips, then dropped.
                if (--_left == 0)
                {
                    _report!.Tell(new Finished(_total));
                }
                if (_left >= BallsPerPair)
                {
                    _partner.Tell(b, Self);
                }
            });
        }
    }

    [Fact]
    public async Task Concurrent_senders_lose_nothing_and_each_keeps_its_order()
    {
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(TestActor)));

        var threads = Enumerable.Range(0, Senders).Select(sender => new Thread(() =>
        {
            for (var seq = 0; seq < MessagesPerSender; seq++)
            {
                checker.Tell(new Numbered(sender, seq));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var counted = await ExpectMsgAsync<Counted>(TimeSpan.FromSeconds(20));
        Assert.Equal(Senders * MessagesPerSender, counted.Total);
        Assert.True(counted.InOrder);
    }

    [Fact]
    public void A_burst_arriving_while_a_turn_ends_is_always_processed()
    {
        // The senders start each burst together, so the later messages of a burst tend to arrive
        // while the turn that took the first one is ending. Nothing arrives after a burst until
        // it is processed: a lost wake-up is a hang, detected by the wait below.
        const int Bursts = 3_000;
        using var burstDone = new SemaphoreSlim(0);
        var collector = Sys.ActorOf(Props.Create(() => new BurstCollector(burstDone)));
        var hang = TestKit.Dilated(TimeSpan.FromSeconds(10));

        var completed = BurstSenders.Run(Senders, Bursts, burstDone, hang, (sender, burst) => collector.Tell(new Numbered(sender, burst)));

        Assert.All(completed, bursts => Assert.Equal(Bursts, bursts));
    }

    [Fact]
    public async Task Pairs_with_few_messages_in_flight_never_lose_a_wake_up()
    {
        // With two balls per pair most hops find the receiver idle or ending its turn, so nearly
        // every hop goes through the idle-to-scheduled hand-off; a lost one hangs its pair.
        var servers = Enumerable.Range(0, Pairs)
            .Select(_ => Sys.ActorOf(Props.Create(() => new Server(Sys.ActorOf(Props.Create(() => new Bouncer()))))))
            .ToList();

        servers.ForEach(s => s.Tell(new Start(RoundTrips), TestActor));

        for (var i = 0; i < servers.Count; i++)
        {
            Assert.Equal(new Finished(RoundTrips), await ExpectMsgAsync<Finished>(TimeSpan.FromSeconds(20)));
        }
    }
}
