using System.Globalization;
using MsgRelay.IntegrationTests.Infrastructure;

namespace MsgRelay.IntegrationTests.Node;

/// <summary>The admin HTTP endpoint of a real node: health, metrics that move with traffic, who.</summary>
public sealed class AdminEndpointTests(SingleNodeFixture fixture) : IClassFixture<SingleNodeFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private RelayNode Node => fixture.Node;

    [Fact]
    public async Task Health_live_and_ready_answer_200_on_a_running_node()
    {
        using var admin = new AdminClient(Node.AdminPort);

        Assert.Equal(200, await admin.StatusCodeAsync("/health/live"));
        Assert.Equal(200, await admin.StatusCodeAsync("/health/ready"));
    }

    [Fact]
    public async Task Metrics_count_connections_sessions_and_messages_by_protocol_and_outcome()
    {
        using var admin = new AdminClient(Node.AdminPort);
        var before = await admin.GetTextAsync("/metrics");
        await using var agent = await RawAgent.LoginAsync(Node.Endpoint, "metric-user", null, Timeout);

        var sending = WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("metric-user", "", "counted", "sandy", "console", "m1"), Timeout);
        await agent.ReceiveAsync(Timeout);
        Assert.StartsWith("+", await sending, StringComparison.Ordinal);
        var refused = await WireSenders.MspTcpAsync(Node.Endpoint, WireSenders.Msp2("metric-nobody", "", "x", "sandy", "console", "m2"), Timeout);
        Assert.StartsWith("-", refused, StringComparison.Ordinal);

        var after = await admin.GetTextAsync("/metrics");
        Assert.Equal(Value(before, "msgrelay_messages_completed_total", "outcome=\"delivered\",protocol=\"msp2-tcp\"") + 1,
            Value(after, "msgrelay_messages_completed_total", "outcome=\"delivered\",protocol=\"msp2-tcp\""));
        Assert.Equal(Value(before, "msgrelay_messages_completed_total", "outcome=\"not-logged-in\",protocol=\"msp2-tcp\"") + 1,
            Value(after, "msgrelay_messages_completed_total", "outcome=\"not-logged-in\",protocol=\"msp2-tcp\""));
        Assert.True(Value(after, "msgrelay_connections_accepted_total", "port=\"msp+rwp\"") >= 3);
        Assert.True(Value(after, "msgrelay_sessions_logged_in", string.Empty) >= 1);
        Assert.Contains("msgrelay_delivery_latency_seconds_bucket", after, StringComparison.Ordinal);
        Assert.Contains("msgrelay_dead_letters ", after, StringComparison.Ordinal);
        Assert.Equal(1, Value(after, "msgrelay_cluster_members", "status=\"up\""));
    }

    // The value of one series in Prometheus text format, 0 when the series is absent.
    private static double Value(string metrics, string name, string labels)
    {
        var series = labels.Length == 0 ? name : $"{name}{{{labels}}}";
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
