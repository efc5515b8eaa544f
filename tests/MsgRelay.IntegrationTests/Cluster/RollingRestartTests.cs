using System.Collections.Concurrent;
using MsgRelay.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace MsgRelay.IntegrationTests.Cluster;

/// <summary>
/// An upgrade by rolling restart: every node of a three-node site restarted in turn while messages
/// flow to users on all of them. Each message is either delivered or refused with a clear answer;
/// none is reported delivered and lost.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Rolling_restart_of_all_nodes_under_load_reports_nothing_delivered_that_was_lost()
    {
        await using var cluster = await ThreeNodeCluster.StartAsync();
        using var stop = new CancellationTokenSource();
        var down = 0; // the node being restarted; senders and agents leave it alone meanwhile
        var received = new ConcurrentDictionary<string, bool>();
        var backUp = new[] { new SemaphoreSlim(0), new SemaphoreSlim(0), new SemaphoreSlim(0) };
        var agents = Enumerable.Range(1, 3)
            .Select(n => Task.Run(() => Agent(() => cluster[n], () => Volatile.Read(ref down) == n, backUp[n - 1], $"user{n}", received, stop.Token)))
            .ToArray();
        var outcomes = new ConcurrentQueue<(string Body, string Code)>();
        using var answered = new SemaphoreSlim(0);
        var senders = Enumerable.Range(0, 3)
            .Select(s => Task.Run(() => Sender(s, cluster, () => Volatile.Read(ref down), outcomes, answered, stop.Token)))
            .ToArray();

        await AnsweredAsync(answered, 30, "load is flowing");
        for (var node = 1; node <= 3; node++)
        {
            Volatile.Write(ref down, node);
            Assert.Equal(0, await cluster.StopAsync(node));
            await cluster.StartAsync(node);
            await cluster.WaitForUpAsync(node, 3);
            Volatile.Write(ref down, 0);
            backUp[node - 1].Release();
            await AnsweredAsync(answered, 15, $"load flows again after node {node}");
        }

        await stop.CancelAsync();
        await Task.WhenAll(senders);
        var delivered = outcomes.Where(o => o.Code == "103").Select(o => o.Body).ToList();
        await Task.WhenAll(agents);
        var lost = delivered.Where(body => !received.ContainsKey(body)).ToList();
        Assert.True(lost.Count == 0, "reported delivered but never received: " + string.Join(", ", lost));

        var refused = outcomes.Count(o => o.Code != "103");
        output.WriteLine($"rolling restart: {outcomes.Count} messages, {delivered.Count} delivered, {refused} refused " +
            $"({string.Join(", ", outcomes.Where(o => o.Code != "103").GroupBy(o => o.Code).Select(g => $"{g.Key}: {g.Count()}"))})");
        Assert.True(delivered.Count > outcomes.Count / 2, "most messages were delivered");
        Assert.All(outcomes.Where(o => o.Code != "103"), o => Assert.Contains(o.Code, new[] { "670", "698", "conn" }));
    }

    // Sends RWP messages round-robin to the three users through the nodes that are not restarting.
    // Waits until the senders have had `count` more answers (each answer releases the semaphore once).
    private static async Task AnsweredAsync(SemaphoreSlim answered, int count, string what)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await answered.WaitAsync(Timeout), what);
        }
    }

    private static async Task Sender(int id, ThreeNodeCluster cluster, Func<int> down, ConcurrentQueue<(string, string)> outcomes, SemaphoreSlim answered, CancellationToken stop)
    {
        for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
        {
            var via = Enumerable.Range(1, 3).Where(n => n != down()).ElementAt(i % 2);
            var body = $"s{id}-{i}";
            string code;
            try
            {
                code = (await WireSenders.RwpAsync(cluster[via].Endpoint, "sandy", $"user{1 + (i % 3)}", [body], Timeout)).Code;
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                code = "conn"; // the sender's client saw the failure itself: nothing was reported delivered
            }

            outcomes.Enqueue((body, code));
            answered.Release();
        }
    }

    // An agent like `msgrelay listen`: logged in on its node, back again once the node has restarted.
    private static async Task Agent(Func<RelayNode> node, Func<bool> restarting, SemaphoreSlim backUp, string user, ConcurrentDictionary<string, bool> received, CancellationToken stop)
    {
        for (var session = 0; session < 50 && !stop.IsCancellationRequested; session++)
        {
            if (restarting())
            {
                await backUp.WaitAsync(TimeSpan.FromSeconds(90), CancellationToken.None);
                continue;
            }

            try
            {
                await using var agent = await RawAgent.LoginAsync(node().Endpoint, user, null, Timeout);
                for (var n = 0; n < 1_000_000 && !stop.IsCancellationRequested; n++)
                {
                    try
                    {
                        var delivery = await agent.ReceiveAsync(TimeSpan.FromSeconds(2));
                        received[delivery.Body[0]] = true;
                    }
                    catch (TimeoutException)
                    {
                        // Quiet for a moment: keep the session and look at the stop signal again.
                    }
                }
            }
            catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
            {
                // The node went away (or was quiet for a moment); log in again.
            }
        }
    }
}
