using MsgRelay.Actors;
using MsgRelay.Actors.TestKit;
using MsgRelay.Hocon;
using MsgRelay.Remote;
using MsgRelay.Remote.Transport.InMemory;

namespace MsgRelay.Cluster.Tests;

/// <summary>
/// Several cluster nodes in one process over an <see cref="InMemoryNetwork"/>. Node 1 is the
/// TestKit's own system (so its probes can subscribe and watch); the others are extra systems of
/// the same name. Intervals are short so failure detection takes about a second and a half.
/// </summary>
public abstract class MultiNodeClusterTest : TestKit
{
    protected const string FastConfig = """
        msgrelay.cluster {
          gossip-interval = 100ms
          leader-actions-interval = 100ms
          seed-node-timeout = 1s
          failure-detector {
            heartbeat-interval = 100ms
            acceptable-heartbeat-pause = 1s
            first-heartbeat-estimate = 100ms
            min-std-deviation = 50ms
          }
          downing.stable-after = 1s
        }
        msgrelay.remote { min-backoff = 20ms, max-backoff = 200ms }
        """;

    private static readonly ActorSystemSettings NodeSettings = new()
    {
        // Leaving waits for the other members; when they are gone too (test teardown) do not wait long.
        CoordinatedShutdownDefaultPhaseTimeout = TimeSpan.FromSeconds(2),
    };

    private readonly List<ActorSystem> _others = [];

    protected MultiNodeClusterTest(Xunit.Abstractions.ITestOutputHelper? output = null) : base(NodeSettings, output)
    {
    }

    protected InMemoryNetwork Network { get; } = new();

    protected static Address AddressOf(int node) => new("test", $"10.0.0.{node}", 2552);

    protected static string Seeds(params int[] nodes) =>
        "msgrelay.cluster.seed-nodes = [" + string.Join(", ", nodes.Select(n => $"\"10.0.0.{n}:2552\"")) + "]";

    /// <summary>Starts node <paramref name="node"/> (1 is <see cref="TestKit.Sys"/>) with the fast config plus <paramref name="extraConfig"/>.</summary>
    protected async Task<Cluster> StartNode(int node, string extraConfig = "")
    {
        var system = node == 1 ? Sys : ActorSystem.Create("test", NodeSettings);
        if (node != 1)
        {
            _others.Add(system);
        }
        var config = ConfigFactory.ParseString($"msgrelay.cluster {{ host = \"10.0.0.{node}\", port = 2552 }}\n{extraConfig}\n{FastConfig}");
        return await Cluster.StartAsync(system, config, Network.CreateTransport());
    }

    protected static async Task AwaitMembers(Cluster observer, int count, MemberStatus status = MemberStatus.Up, double seconds = 10) =>
        await AwaitAssertAsync(() =>
        {
            var members = observer.State.Members;
            Assert.Equal(count, members.Count);
            Assert.All(members, m => Assert.Equal(status, m.Status));
        }, Dilated(TimeSpan.FromSeconds(seconds)));

    public override async Task DisposeAsync()
    {
        await Task.WhenAll(_others.Select(s => s.Terminate()));
        await base.DisposeAsync();
    }
}
