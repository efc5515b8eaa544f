using System.Diagnostics;
using System.Diagnostics.Metrics;
using MsgRelay.Node.Admin;

namespace MsgRelay.Node.Tests.Admin;

public sealed class PrometheusExporterTests : IDisposable
{
    // A meter of its own per test, so other tests' measurements of the relay's meter do not matter.
    private readonly Meter _meter = new("MsgRelay.ExporterTest." + Guid.NewGuid().ToString("N"));
    private readonly PrometheusExporter _exporter = new();

    public void Dispose()
    {
        _exporter.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counter_sums_each_tag_set_and_tags_in_another_order_are_the_same_series()
    {
        var counter = _meter.CreateCounter<long>("exporter_test.sent", "{message}", "Sent");
        counter.Add(1, new("protocol", "rwp"), new("outcome", "delivered"));
        counter.Add(2, new("outcome", "delivered"), new("protocol", "rwp"));
        counter.Add(5, new KeyValuePair<string, object?>("protocol", "msp"));

        var lines = Lines("exporter_test_sent_total");

        Assert.Equal(
            [
                "exporter_test_sent_total{outcome=\"delivered\",protocol=\"rwp\"} 3",
                "exporter_test_sent_total{protocol=\"msp\"} 5",
            ],
            lines);
    }

    [Fact]
    public void Histogram_buckets_are_cumulative_with_count_and_sum()
    {
        var histogram = _meter.CreateHistogram<double>("exporter_test.latency", "s", "Latency");
        histogram.Record(0.0004);
        histogram.Record(0.003);
        histogram.Record(0.003);
        histogram.Record(20);

        var lines = Lines("exporter_test_latency_seconds");

        Assert.Contains("exporter_test_latency_seconds_bucket{le=\"0.0005\"} 1", lines);
        Assert.Contains("exporter_test_latency_seconds_bucket{le=\"0.0025\"} 1", lines);
        Assert.Contains("exporter_test_latency_seconds_bucket{le=\"0.005\"} 3", lines);
        Assert.Contains("exporter_test_latency_seconds_bucket{le=\"10\"} 3", lines);
        Assert.Contains("exporter_test_latency_seconds_bucket{le=\"+Inf\"} 4", lines);
        Assert.Contains("exporter_test_latency_seconds_count 4", lines);
        Assert.Contains("exporter_test_latency_seconds_sum 20.0064", lines);
    }

    [Fact]
    public void Label_values_are_escaped_and_label_names_sanitised()
    {
        var counter = _meter.CreateCounter<long>("exporter_test.odd");
        counter.Add(1, new KeyValuePair<string, object?>("peer.name", "a\"b\\c\nd"));
        counter.Add(1, new KeyValuePair<string, object?>("peer.name", "a\"b\\c\nd"));

        Assert.Equal(["exporter_test_odd_total{peer_name=\"a\\\"b\\\\c\\nd\"} 2"], Lines("exporter_test_odd_total"));
    }

    [Fact]
    public void Many_tags_still_count_in_one_series()
    {
        var counter = _meter.CreateCounter<long>("exporter_test.wide");
        var tags = new TagList { { "a", "1" }, { "b", "2" }, { "c", "3" }, { "d", 4 } };
        counter.Add(1, tags);
        counter.Add(1, tags);

        Assert.Equal(["exporter_test_wide_total{a=\"1\",b=\"2\",c=\"3\",d=\"4\"} 2"], Lines("exporter_test_wide_total"));
    }

    private List<string> Lines(string name) =>
        [.. _exporter.Render().Split('\n').Where(line => line.StartsWith(name, StringComparison.Ordinal) && !line.StartsWith('#'))];
}
