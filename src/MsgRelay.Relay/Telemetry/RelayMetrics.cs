using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MsgRelay.Relay.Telemetry;

/// <summary>
/// The relay's instruments (System.Diagnostics.Metrics), one meter for the whole node. The admin
/// endpoint exports them in Prometheus text format; any other MeterListener (dotnet-counters,
/// OpenTelemetry) sees the same. Tags: <c>protocol</c> (msp1-tcp, msp2-udp, rwp-tcp, ...) and <c>outcome</c>.
/// </summary>
public static class RelayMetrics
{
    public const string MeterName = "MsgRelay";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>TCP connections accepted, by protocol once known (`tcp` before sniffing).</summary>
    public static readonly Counter<long> ConnectionsAccepted =
        Meter.CreateCounter<long>("msgrelay.connections.accepted", "{connection}", "TCP connections accepted");

    /// <summary>TCP connections refused because max-connections was reached.</summary>
    public static readonly Counter<long> ConnectionsRejected =
        Meter.CreateCounter<long>("msgrelay.connections.rejected", "{connection}", "TCP connections refused at the connection limit");

    /// <summary>TCP connections open now.</summary>
    public static readonly UpDownCounter<long> ConnectionsOpen =
        Meter.CreateUpDownCounter<long>("msgrelay.connections.open", "{connection}", "TCP connections open");

    /// <summary>Messages received (before routing), by protocol.</summary>
    public static readonly Counter<long> MessagesReceived =
        Meter.CreateCounter<long>("msgrelay.messages.received", "{message}", "Messages received, by protocol");

    /// <summary>Messages answered, by protocol and outcome (delivered, forwarded, not-logged-in, refused, ...).</summary>
    public static readonly Counter<long> MessagesCompleted =
        Meter.CreateCounter<long>("msgrelay.messages.completed", "{message}", "Messages answered, by protocol and outcome");

    /// <summary>Time from a message's arrival to its outcome.</summary>
    public static readonly Histogram<double> DeliveryLatency =
        Meter.CreateHistogram<double>("msgrelay.delivery.latency", "s", "Seconds from arrival to outcome");

    /// <summary>Agent sessions logged in on this node now.</summary>
    public static readonly UpDownCounter<long> SessionsLoggedIn =
        Meter.CreateUpDownCounter<long>("msgrelay.sessions.logged_in", "{session}", "Agent sessions logged in on this node");

    /// <summary>Records one answered message: its outcome counter and its latency since <paramref name="startedTimestamp"/> (Stopwatch ticks).</summary>
    public static void Completed(string protocol, string outcome, long startedTimestamp)
    {
        var tags = new TagList { { "protocol", protocol }, { "outcome", outcome } };
        MessagesCompleted.Add(1, tags);
        DeliveryLatency.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>("protocol", protocol));
    }

    /// <summary>Creates an observable gauge on the node's meter (cluster members, shards owned, dead letters).</summary>
    public static ObservableGauge<long> Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> observe) =>
        Meter.CreateObservableGauge(name, observe, unit, description);
}
