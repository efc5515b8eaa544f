namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

/// <summary>
/// The user-message queue's segments: appending the next segment while several senders race for
/// the last slot, reusing a fully read segment, and dropping the last one when the actor goes idle
/// while senders install a new one.
/// </summary>
public sealed class MailboxSegmentTests : TestKit
{
    private const int Senders = 4;

    // Longer than a segment, so every burst appends at least one segment and most reuse the spare.
    private const int BurstPerSender = 45;

    private const int Bursts = 400;

    private sealed record Numbered(int Sender, int Seq);

    private sealed record Report(int Total, bool InOrder);

    private sealed record GetReport;

    private sealed class BurstChecker : ReceiveActor
    {
        private readonly int[] _next = new int[Senders];
        private int _total;
        private bool _inOrder = true;

        public BurstChecker(SemaphoreSlim burstDone)
        {
            Receive<Numbered>(m =>
            {
                _inOrder &= m.Seq == _next[m.Sender];
                _next[m.Sender] = m.Seq + 1;
                if (++_total % (Senders * BurstPerSender) == 0)
                {
                    burstDone.Release(Senders);
                }
            });
            Receive<GetReport>(_ => Sender.Tell(new Report(_total, _inOrder)));
        }
    }

    private sealed class Counter : ReceiveActor
    {
        private int _count;

        public Counter() => Receive<int>(n =>
        {
            if (++_count == n)
            {
                Sender.Tell(_count);
            }
        });
    }

    [Fact]
    public async Task Bursts_longer_than_a_segment_from_racing_senders_arrive_complete_and_in_order()
    {
        // Each burst starts on an idle actor (its segment dropped), so the senders race to install
        // the first segment, then for the slot that appends the next one; the turn drains the
        // burst, reusing the segment it finished, and drops the last one before the next burst.
        using var burstDone = new SemaphoreSlim(0);
        var checker = Sys.ActorOf(Props.Create(() => new BurstChecker(burstDone)));
        var hang = TestKit.Dilated(TimeSpan.FromSeconds(10));

        var completed = BurstSenders.Run(Senders, Bursts, burstDone, hang, (sender, burst) =>
        {
            for (var i = 0; i < BurstPerSender; i++)
            {
                checker.Tell(new Numbered(sender, (burst * BurstPerSender) + i));
            }
        });

        Assert.All(completed, bursts => Assert.Equal(Bursts, bursts));
        checker.Tell(new GetReport(), TestActor);
        Assert.Equal(new Report(Senders * BurstPerSender * Bursts, InOrder: true), await ExpectMsgAsync<Report>());
    }

    [Fact]
    public async Task An_actor_that_has_taken_all_its_messages_holds_no_queue_segment()
    {
        const int Messages = 1_000;
        var counter = (ActorCell)Sys.ActorOf(Props.Create(() => new Counter()));

        for (var i = 0; i < Messages; i++)
        {
            counter.Tell(Messages, TestActor);
        }

        Assert.Equal(Messages, await ExpectMsgAsync<int>());
        await AwaitConditionAsync(() => !counter.HoldsQueueSegment);
        Assert.False(counter.HoldsQueueSegment);
    }
}
