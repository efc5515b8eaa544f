namespace MsgRelay.Actors.Tests;

using System.Collections.Concurrent;
using MsgRelay.Actors.TestKit;

public sealed class CoordinatedShutdownTests() : TestKit(new ActorSystemSettings
{
    CoordinatedShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { [CoordinatedShutdown.PhaseServiceStop] = TimeSpan.FromMilliseconds(200) },
})
{
    [Fact]
    public async Task Phases_run_in_order_and_the_last_one_terminates_the_system()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var order = new ConcurrentQueue<string>();
        foreach (var phase in CoordinatedShutdown.OrderedPhases.Reverse())
        {
            shutdown.AddTask(phase, $"record-{phase}", () =>
            {
                order.Enqueue(phase);
                return Task.CompletedTask;
            });
        }

        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);

        Assert.Equal(CoordinatedShutdown.OrderedPhases, order.ToArray());
        Assert.True(Sys.WhenTerminated.IsCompleted);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task A_phase_that_times_out_is_logged_and_the_next_phase_still_runs()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var never = new TaskCompletionSource();
        var nextRan = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "hangs", () => never.Task);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeClusterShutdown, "next", () =>
        {
            nextRan = true;
            return Task.CompletedTask;
        });

        await EventFilter.Warning(contains: "service-stop timed out").ExpectOneAsync(
            () => shutdown.Run(CoordinatedShutdown.ClrExitReason.Instance));

        Assert.True(nextRan);
        await Sys.WhenTerminated.WaitAsync(Dilated(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task Run_is_idempotent_and_Get_returns_one_instance()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);

        var first = shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        var second = CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance);

        Assert.Same(first, second);
        await first;
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Terminate_runs_the_shutdown_when_it_is_in_use()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        var ran = false;
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "unbind", () =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        await Sys.Terminate();

        Assert.True(ran);
        Assert.Same(CoordinatedShutdown.ActorSystemTerminateReason.Instance, shutdown.ShutdownReason);
    }

    [Fact]
    public async Task A_failing_task_does_not_stop_the_shutdown()
    {
        var shutdown = CoordinatedShutdown.Get(Sys);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "fails", () => throw new InvalidOperationException("broken"));

        await EventFilter.Exception<InvalidOperationException>().ExpectOneAsync(() => shutdown.Run(CoordinatedShutdown.UnknownReason.Instance));

        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Unknown_phases_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(Sys).AddTask("no-such-phase", "t", () => Task.CompletedTask));
    }
}
