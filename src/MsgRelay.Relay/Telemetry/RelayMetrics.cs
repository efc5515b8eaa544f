using System.Diagnostics;
using System.Diagnostics.Metrics;
using MsgRelay.Relay.Routing;

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

    /// <summary>Records a message's arrival; returns the timestamp to pass to <see cref="Completed"/>.</summary>
    public static long Received(IngressProtocol protocol)
    {
        MessagesReceived.Add(1, new KeyValuePair<string, object?>("protocol", Tag(protocol)));
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Records a message's outcome (null: no answer in time) and its latency.</summary>
    public static void Completed(IngressProtocol protocol, DeliveryOutcome? outcome, long startedTimestamp) =>
        Completed(Tag(protocol), outcome is null ? "timeout" : Tag(outcome.Status), startedTimestamp);

    /// <summary>The <c>protocol</c> tag: msp1-tcp, msp2-udp, rwp-tcp, ...</summary>
    public static string Tag(IngressProtocol protocol) => protocol switch
    {
        IngressProtocol.Msp1Tcp => "msp1-tcp",
        IngressProtocol.Msp1Udp => "msp1-udp",
        IngressProtocol.Msp2Tcp => "msp2-tcp",
        IngressProtocol.Msp2Udp => "msp2-udp",
        IngressProtocol.RwpTcp => "rwp-tcp",
        IngressProtocol.RwpUdp => "rwp-udp",
        _ => "other",
    };

    /// <summary>The <c>outcome</c> tag: delivered, forwarded, not-logged-in, refused, no-such-user, forward-failed, malformed.</summary>
    public static string Tag(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Forwarded => "forwarded",
        DeliveryStatus.NotLoggedIn => "not-logged-in",
        DeliveryStatus.Refused => "refused",
        DeliveryStatus.NoSuchUser => "no-such-user",
        DeliveryStatus.ForwardFailed => "forward-failed",
        _ => "malformed",
    };

    /// <summary>Creates an observable gauge on the node's meter (cluster members, shards owned, dead letters).</summary>
    public static ObservableGauge<long> Gauge(string name, string unit, string description, Func<IEnumerable<Measurement<long>>> observe) =>
        Meter.CreateObservableGauge(name, observe, unit, description);
}
