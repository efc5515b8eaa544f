namespace MsgRelay.Actors.Tests;

/// <summary>
/// Sender threads that start each burst together (a barrier) and wait until the actor under test
/// has taken the whole burst (it releases <c>burstDone</c> once per sender) before the next one.
/// A lost wake-up is a hang: a sender that waits longer than <c>hang</c> stops them all, and the
/// returned counts show which bursts completed.
/// </summary>
internal static class BurstSenders
{
    /// <summary>Runs <paramref name="bursts"/> bursts on <paramref name="senders"/> threads; <paramref name="send"/> gets (sender, burst).</summary>
    public static int[] Run(int senders, int bursts, SemaphoreSlim burstDone, TimeSpan hang, Action<int, int> send)
    {
        using var start = new Barrier(senders);
        using var stop = new CancellationTokenSource();
        var completed = new int[senders];
        var threads = Enumerable.Range(0, senders).Select(sender => new Thread(() =>
        {
            try
            {
                for (var burst = 0; burst < bursts; burst++)
                {
                    start.SignalAndWait(stop.Token);
                    send(sender, burst);
                    if (!burstDone.Wait(hang, stop.Token))
                    {
                        stop.Cancel();
                        return;
                    }

                    completed[sender]++;
                }
            }
            catch (OperationCanceledException)
            {
                // Another sender saw the hang; the caller's assertion on the counts reports it.
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return completed;
    }
}
