using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

#pragma warning disable CA1050 // Loaded by StartupHook, which the runtime finds by its global type name; kept beside it.

/// <summary>
/// Which types a running node allocates most, for the end-to-end allocation figure: listens to the
/// runtime's GC allocation ticks (one event per ~100 KB allocated, naming the type of the object
/// that crossed the mark), so the count per type is proportional to the bytes allocated as that type.
/// Started by <see cref="StartupHook"/> with <c>E2E_ALLOC_TYPES=/tmp/z</c>; writes the table to that
/// file every five seconds (the top 40, share of ticks first).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int GcKeyword = 0x1;
    private readonly ConcurrentDictionary<string, long> _ticks = new();
    private readonly string _path;
    private readonly Timer _dump;

    public AllocationSampler(string path)
    {
        _path = path;
        _dump = new Timer(_ => Dump(), null, 5000, 5000);
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var index = eventData.PayloadNames.IndexOf("TypeName");
        if (index >= 0 && eventData.Payload?[index] is string type)
        {
            _ticks.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }

    public override void Dispose()
    {
        _dump.Dispose();
        base.Dispose();
    }

    private void Dump()
    {
        var total = Math.Max(1, _ticks.Values.Sum());
        var lines = _ticks.OrderByDescending(t => t.Value).Take(40)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{100.0 * t.Value / total,6:F2}% {t.Value,8} {t.Key}"));
        File.WriteAllLines(_path, lines);
    }
}
