using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MsgRelay.Node.Admin;

/// <summary>
/// Listens to the node's System.Diagnostics.Metrics instruments (meters named MsgRelay*) and renders
/// them in the Prometheus text exposition format: counters as <c>_total</c>, up-down counters and
/// observable gauges as gauges, histograms with fixed buckets.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    // Latency buckets in seconds: a delivery is sub-millisecond on one node, milliseconds across
    // nodes, and up to the ack timeout (5 s) when an agent is slow.
    private static readonly double[] Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> _series = new();

    public PrometheusExporter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("MsgRelay", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (instrument, series) in _series.OrderBy(kv => kv.Key.Name, StringComparer.Ordinal))
        {
            series.Render(instrument, text);
        }

        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        _series.GetOrAdd(instrument, static i => new Series(i)).Record(labels, value);
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var parts = new List<string>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
            parts.Add($"{Sanitize(key)}=\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"");
        }

        parts.Sort(StringComparer.Ordinal);
        return string.Join(',', parts);
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>All label sets of one instrument.</summary>
    private sealed class Series(Instrument instrument)
    {
        private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);
        private readonly bool _isHistogram = instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal);
        private readonly bool _isGauge = instrument.GetType().Name.StartsWith("ObservableGauge", StringComparison.Ordinal);
        private readonly bool _isCounter = instrument.GetType().Name.StartsWith("Counter", StringComparison.Ordinal)
            || instrument.GetType().Name.StartsWith("ObservableCounter", StringComparison.Ordinal);

        public void Record(string labels, double value) => _cells.GetOrAdd(labels, _ => new Cell()).Add(value, _isHistogram, _isGauge);

        public void Render(Instrument source, StringBuilder text)
        {
            var name = Sanitize(source.Name) + (source.Unit == "s" ? "_seconds" : string.Empty);
            var type = _isHistogram ? "histogram" : _isCounter ? "counter" : "gauge";
            var exported = _isCounter ? name + "_total" : name;
            text.Append("# HELP ").Append(exported).Append(' ').Append(source.Description ?? source.Name).Append('\n');
            text.Append("# TYPE ").Append(exported).Append(' ').Append(type).Append('\n');
            foreach (var (labels, cell) in _cells.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                cell.Render(exported, labels, _isHistogram, text);
            }
        }
    }

    /// <summary>One label set's value (sum or last) or histogram state.</summary>
    private sealed class Cell
    {
        private readonly long[] _bucketCounts = new long[Buckets.Length];
        private readonly object _gate = new();
        private double _sum;
        private long _count;

        public void Add(double value, bool histogram, bool gauge)
        {
            lock (_gate)
            {
                if (histogram)
                {
                    for (var i = 0; i < Buckets.Length; i++)
                    {
                        if (value <= Buckets[i])
                        {
                            _bucketCounts[i]++;
                        }
                    }

                    _count++;
                    _sum += value;
                }
                else if (gauge)
                {
                    _sum = value;
                }
                else
                {
                    _sum += value;
                }
            }
        }

        public void Render(string name, string labels, bool histogram, StringBuilder text)
        {
            lock (_gate)
            {
                if (!histogram)
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').Append(Format(_sum)).Append('\n');
                    return;
                }

                var prefix = labels.Length == 0 ? string.Empty : labels + ",";
                for (var i = 0; i < Buckets.Length; i++)
                {
                    text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"").Append(Format(Buckets[i])).Append("\"} ").Append(_bucketCounts[i]).Append('\n');
                }

                text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"+Inf\"} ").Append(_count).Append('\n');
                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Format(_sum)).Append('\n');
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(_count).Append('\n');
            }
        }

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
