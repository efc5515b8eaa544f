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

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _series.GetOrAdd(instrument, static i => new Series(i)).CellFor(tags).Add(value);

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
    /// <remarks>
    /// Measurements come per message (received, completed, latency), so the label text of a tag set
    /// is built once, when it is first seen, and later measurements find its cell by the tags
    /// themselves; tag sets that differ only in order share the one cell of their label text.
    /// </remarks>
    private sealed class Series(Instrument instrument)
    {
        private readonly ConcurrentDictionary<string, Cell> _cells = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<TagKey, Cell> _byTags = new();
        private readonly Kind _kind = KindOf(instrument);

        public Cell CellFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length > TagKey.MaxTags)
            {
                return CellOf(Labels(tags));
            }
            var key = new TagKey(tags);
            if (_byTags.TryGetValue(key, out var cell))
            {
                return cell;
            }
            cell = CellOf(Labels(tags));
            _byTags.TryAdd(key, cell);
            return cell;
        }

        private Cell CellOf(string labels) =>
            _cells.GetOrAdd(labels, static (_, kind) => new Cell(kind), _kind);

        private static Kind KindOf(Instrument instrument)
        {
            var type = instrument.GetType().Name;
            return type.StartsWith("Histogram", StringComparison.Ordinal) ? Kind.Histogram
                : type.StartsWith("ObservableGauge", StringComparison.Ordinal) ? Kind.Gauge
                : type.StartsWith("Counter", StringComparison.Ordinal) || type.StartsWith("ObservableCounter", StringComparison.Ordinal) ? Kind.Counter
                : Kind.Sum;
        }

        public void Render(Instrument source, StringBuilder text)
        {
            var name = Sanitize(source.Name) + (source.Unit == "s" ? "_seconds" : string.Empty);
            var type = _kind switch
            {
                Kind.Histogram => "histogram",
                Kind.Counter => "counter",
                _ => "gauge",
            };
            var exported = _kind == Kind.Counter ? name + "_total" : name;
            text.Append("# HELP ").Append(exported).Append(' ').Append(source.Description ?? source.Name).Append('\n');
            text.Append("# TYPE ").Append(exported).Append(' ').Append(type).Append('\n');
            foreach (var (labels, cell) in _cells.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                cell.Render(exported, labels, text);
            }
        }
    }

    /// <summary>Up to <see cref="MaxTags"/> tags compared as they are (keys ordinal, values by Equals), without building their label text.</summary>
    private readonly struct TagKey : IEquatable<TagKey>
    {
        public const int MaxTags = 3;
        private readonly int _count;
        private readonly KeyValuePair<string, object?> _first;
        private readonly KeyValuePair<string, object?> _second;
        private readonly KeyValuePair<string, object?> _third;

        public TagKey(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            _count = tags.Length;
            _first = tags.Length > 0 ? tags[0] : default;
            _second = tags.Length > 1 ? tags[1] : default;
            _third = tags.Length > 2 ? tags[2] : default;
        }

        public bool Equals(TagKey other) =>
            _count == other._count && Same(_first, other._first) && Same(_second, other._second) && Same(_third, other._third);

        public override bool Equals(object? obj) => obj is TagKey other && Equals(other);

        public override int GetHashCode() => HashCode.Combine(_count, Hash(_first), Hash(_second), Hash(_third));

        private static bool Same(KeyValuePair<string, object?> a, KeyValuePair<string, object?> b) =>
            string.Equals(a.Key, b.Key, StringComparison.Ordinal) && Equals(a.Value, b.Value);

        private static int Hash(KeyValuePair<string, object?> tag) =>
            HashCode.Combine(tag.Key is null ? 0 : StringComparer.Ordinal.GetHashCode(tag.Key), tag.Value);
    }

    // Counters and up-down counters sum (only counters render as Prometheus counters); an
    // observable gauge keeps the last value; a histogram counts per bucket.
    private enum Kind
    {
        Sum,
        Counter,
        Gauge,
        Histogram,
    }

    /// <summary>One label set's value (sum or last) or histogram state.</summary>
    private sealed class Cell(Kind kind)
    {
        // Per bucket, the values that fell in it (not cumulative): one increment per measurement;
        // rendering sums them up into Prometheus' cumulative buckets.
        private readonly long[] _bucketCounts = kind == Kind.Histogram ? new long[Buckets.Length + 1] : [];
        private readonly Lock _gate = new();
        private double _sum;
        private long _count;

        public void Add(double value)
        {
            lock (_gate)
            {
                switch (kind)
                {
                    case Kind.Histogram:
                        var bucket = 0;
                        while (bucket < Buckets.Length && value > Buckets[bucket])
                        {
                            bucket++;
                        }
                        _bucketCounts[bucket]++;
                        _count++;
                        _sum += value;
                        break;
                    case Kind.Gauge:
                        _sum = value;
                        break;
                    default:
                        _sum += value;
                        break;
                }
            }
        }

        public void Render(string name, string labels, StringBuilder text)
        {
            lock (_gate)
            {
                if (kind != Kind.Histogram)
                {
                    text.Append(name).Append(Braces(labels)).Append(' ').Append(Format(_sum)).Append('\n');
                    return;
                }

                var prefix = labels.Length == 0 ? string.Empty : labels + ",";
                var cumulative = 0L;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    cumulative += _bucketCounts[i];
                    text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"").Append(Format(Buckets[i])).Append("\"} ").Append(cumulative).Append('\n');
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
