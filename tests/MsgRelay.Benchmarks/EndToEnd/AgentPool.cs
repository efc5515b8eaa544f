using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace MsgRelay.Benchmarks.EndToEnd;

/// <summary>
/// The <c>agents</c> command: K logged-in agents for the end-to-end benchmark (relayload sends to
/// them through a real node) and for the idle-session memory figure. Usage in
/// <see cref="AgentPoolOptions.Usage"/>; how it is used: tests/MsgRelay.Benchmarks/EndToEnd/e2e.sh
/// and mem.sh.
/// </summary>
public static class AgentPool
{
    public static int Run(string[] args)
    {
        var options = AgentPoolOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(AgentPoolOptions.Usage);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        // SIGTERM from the benchmark script's trap and Ctrl-C both end the run with the summary line.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        if (options.Seconds > 0)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
        }

        return RunAsync(options, stop.Token).GetAwaiter().GetResult();

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static async Task<int> RunAsync(AgentPoolOptions options, CancellationToken stop)
    {
        var counters = new AgentCounters();
        var agents = new AgentConnection[options.Count];
        var serving = new List<Task>(options.Count);
        // Logins are bounded so 10,000 agents do not overrun the node's accept backlog at once.
        using var logins = new SemaphoreSlim(options.LoginParallelism);
        var clock = Stopwatch.StartNew();
        var loginTasks = new Task[options.Count];
        for (var i = 0; i < options.Count; i++)
        {
            var agent = agents[i] = new AgentConnection(counters);
            var user = options.UserOf(i);
            var tty = "a" + (i + 1).ToString(CultureInfo.InvariantCulture);
            loginTasks[i] = LoginAsync(agent, user, tty);
        }

        try
        {
            await Task.WhenAll(loginTasks);
        }
        catch (OperationCanceledException)
        {
            // Stopped before all were in; the summary below says how many made it.
        }

        var failed = counters.FailedCount;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ready {counters.LoggedInCount} agents logged in ({failed} failed) for {options.Users} user(s) in {clock.Elapsed.TotalSeconds:F1} s"));

        var ping = options.PingSeconds > 0 ? PingLoopAsync(agents, options.PingSeconds, stop) : Task.CompletedTask;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (stop.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task;
        }

        foreach (var agent in agents)
        {
            agent.Dispose();
        }

        await Task.WhenAll(serving.Append(ping)).ContinueWith(_ => { }, TaskScheduler.Default);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agents: logged_in={counters.LoggedInCount} failed={counters.FailedCount} closed_by_server={counters.ClosedCount} deliveries_acked={counters.DeliveredCount} max_block_lag_ms={counters.MaxLagMs} blocks_later_than_1s={counters.LateBlockCount} seconds={clock.Elapsed.TotalSeconds:F1}"));
        return failed == 0 ? 0 : 1;

        async Task LoginAsync(AgentConnection agent, string user, string tty)
        {
            await logins.WaitAsync(stop);
            bool ok;
            try
            {
                ok = await agent.LoginAsync(options.Server, user, tty, options.ConnectOnly, stop);
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException)
            {
                await Console.Error.WriteLineAsync($"agents: {user} {tty}: {e.Message}");
                ok = false;
            }
            finally
            {
                logins.Release();
            }

            if (!ok)
            {
                counters.Failed();
                return;
            }

            counters.LoggedIn();
            lock (serving)
            {
                serving.Add(ServeAsync(agent));
            }
        }

        async Task ServeAsync(AgentConnection agent)
        {
            try
            {
                await agent.ServeAsync(stop);
                counters.Closed();
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                // Ours closing at the end of the run, or the node going away first.
            }
        }
    }

    private static async Task PingLoopAsync(AgentConnection[] agents, int seconds, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stop))
        {
            foreach (var agent in agents)
            {
                try
                {
                    await agent.PingAsync(stop);
                }
                catch (Exception e) when (e is ObjectDisposedException or System.Net.Sockets.SocketException or InvalidOperationException)
                {
                    // An agent that failed to log in or was closed by the node has nothing to keep alive.
                }
            }
        }
    }
}
