namespace MsgRelay.Actors.Tests;

using MsgRelay.Actors.TestKit;

/// <summary>
/// The user-message queue's segments: appending the next segment while several senders race for
/// the last slot, reusing a fully read segment, dropping the last one when the actor goes idle
/// while senders install a new one, and pooling dropped segments for other actors while senders
/// that read them as a tail earlier still reserve slots in them.
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

    // Checks each sender's sequence; after each message, tells the test how many it has taken.
    private sealed class SequenceChecker : ReceiveActor
    {
        private readonly int[] _next = new int[Senders];
        private int _total;
        private bool _inOrder = true;

        public SequenceChecker(Action<int> taken)
        {
            Receive<Numbered>(m =>
            {
                _inOrder &= m.Seq == _next[m.Sender];
                _next[m.Sender] = m.Seq + 1;
                taken(++_total);
            });
            Receive<GetReport>(_ => Sender.Tell(new Report(_total, _inOrder)));
        }
    }

    // Forwards every message to the probe; with a gate, waits on it after the first one.
    private sealed class Gated : ReceiveActor
    {
        public Gated(ManualResetEventSlim? gate, IActorRef probe)
        {
            var first = true;
            ReceiveAny(message =>
            {
                probe.Tell(message);
                if (first && gate is not null && !gate.Wait(TimeSpan.FromSeconds(10)))
                {
                    throw new TimeoutException("gate not opened");
                }
                first = false;
            });
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
        var checker = Sys.ActorOf(Props.Create(() => new SequenceChecker(total =>
        {
            if (total % (Senders * BurstPerSender) == 0)
            {
                burstDone.Release(Senders);
            }
        })));
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
    public async Task Segments_pooled_between_actors_that_keep_going_idle_lose_and_reorder_nothing()
    {
        // Many receivers, each getting a few messages at a time from every sender, so they go idle
        // (dropping their segment into the pool of the worker that ran them) and wake again (taking
        // one from the pool) all the time, while senders on other threads still hold a receiver's
        // old tail. Each burst ends only when every receiver has taken all of it.
        const int Receivers = 32;
        const int PerReceiver = 3;
        const int RoundBursts = 300;
        using var burstDone = new SemaphoreSlim(0);
        var arrived = 0;
        var checkers = Enumerable.Range(0, Receivers)
            .Select(index => Sys.ActorOf(Props.Create(() => new SequenceChecker(_ =>
            {
                if (Interlocked.Increment(ref arrived) % (Senders * Receivers * PerReceiver) == 0)
                {
                    burstDone.Release(Senders);
                }
            }))))
            .ToList();
        var hang = TestKit.Dilated(TimeSpan.FromSeconds(10));

        var completed = BurstSenders.Run(Senders, RoundBursts, burstDone, hang, (sender, burst) =>
        {
            for (var i = 0; i < PerReceiver; i++)
            {
                foreach (var checker in checkers)
                {
                    checker.Tell(new Numbered(sender, (burst * PerReceiver) + i));
                }
            }
        });

        Assert.All(completed, bursts => Assert.Equal(RoundBursts, bursts));
        foreach (var checker in checkers)
        {
            checker.Tell(new GetReport(), TestActor);
            Assert.Equal(new Report(Senders * PerReceiver * RoundBursts, InOrder: true), await ExpectMsgAsync<Report>());
        }
    }

    [Fact]
    public async Task A_sender_holding_a_segment_now_in_another_actors_queue_neither_loses_its_message_nor_disturbs_that_queue()
    {
        // The stale sender is simulated: it enqueues to `late` as if it had read `busy`'s current
        // tail segment as late's tail (late's segment was dropped and `busy` rented it since).
        using var gate = new ManualResetEventSlim();
        var busy = (ActorCell)Sys.ActorOf(Props.Create(() => new Gated(gate, TestActor)));
        var late = (ActorCell)Sys.ActorOf(Props.Create(() => new Gated(null, TestActor)));
        busy.Tell("block");
        await ExpectMsgAsync("block");
        for (var i = 0; i < MailboxSegment.Capacity - 2; i++)
        {
            busy.Tell(i);
        }
        var rented = busy.TailSegment!;

        // Reserves the segment's last slot (a placeholder for busy), then its append. On a thread of
        // its own and bounded: a sender that took the append for the wrong queue would spin forever.
        await Task.Run(() =>
        {
            late.EnqueueAfterReading(rented, "late 1", null);
            late.EnqueueAfterReading(rented, "late 2", null);
        }).WaitAsync(TestKit.Dilated(TimeSpan.FromSeconds(10)));
        Assert.NotSame(rented, busy.TailSegment);
        busy.Tell(1_000);
        gate.Set();

        var received = new List<object>();
        for (var i = 0; i < MailboxSegment.Capacity + 1; i++)
        {
            received.Add(await ExpectMsgAsync<object>());
        }
        Assert.Equal(["late 1", "late 2"], received.OfType<string>());
        Assert.Equal([.. Enumerable.Range(0, MailboxSegment.Capacity - 2), 1_000], received.OfType<int>());
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
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

    // Releases the sending thread after each message, without a Tell: the actor's worker rents nothing.
    private sealed class Releaser : ReceiveActor
    {
        public Releaser(SemaphoreSlim handled) => ReceiveAny(_ => handled.Release());
    }

    [Fact]
    public void A_thread_that_only_sends_to_an_idle_actor_reuses_segments_the_workers_dropped()
    {
        const int Rounds = 400;
        using var handled = new SemaphoreSlim(0);
        var actor = Sys.ActorOf(Props.Create(() => new Releaser(handled)));
        var message = new object();
        long allocatedInSecondHalf = 0;

        // A dedicated thread, as the relay's epoll loop is: its own pool never gets a segment back.
        var sender = new Thread(() =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                actor.Tell(message);
                if (i >= Rounds / 2)
                {
                    allocatedInSecondHalf += GC.GetAllocatedBytesForCurrentThread() - before;
                }

                // The actor is idle again (and has dropped its segment) once it released the thread.
                if (!handled.Wait(TimeSpan.FromSeconds(10)))
                {
                    throw new TimeoutException("message not handled");
                }
            }
        });
        sender.Start();
        Assert.True(sender.Join(TimeSpan.FromSeconds(60)));

        // A new segment per message would be about 600 bytes each; a few fresh ones are allowed for
        // rounds where the dropping turn had not returned its segment yet.
        Assert.InRange(allocatedInSecondHalf, 0, Rounds / 2 * 600 / 10);
    }
}
