using System.Globalization;

#pragma warning disable CA1050 // The runtime looks startup hooks up by this exact global type name.

/// <summary>
/// A GC probe injected into a running node without touching its code, for the idle-session memory
/// figure (mem.sh): <c>DOTNET_STARTUP_HOOKS=.../MsgRelay.Benchmarks.dll E2E_GC_PROBE=/tmp/x msgrelay serve</c>.
/// Creating the file named by E2E_GC_PROBE asks for a full blocking compacting collection; the
/// managed heap figures after it are written to that name plus ".out". Nothing happens without the
/// variable, and the hook uses only the base library so loading it pulls in no other assembly.
/// With <c>E2E_ALLOC_LOG=/tmp/y</c> it also appends, once a second, the bytes allocated so far and
/// the collection counts per generation (<c>unix_ms allocated gen0 gen1 gen2</c>): allocation per
/// delivered message is the difference over a relayload run divided by its messages.
/// </summary>
public static class StartupHook
{
    // Kept in fields so the timers are not collected.
    private static Timer? probe;
    private static Timer? allocations;
    private static AllocationSampler? sampler;
    private static int busy;

    public static void Initialize()
    {
        var log = Environment.GetEnvironmentVariable("E2E_ALLOC_LOG");
        if (!string.IsNullOrEmpty(log))
        {
            allocations = new Timer(_ => File.AppendAllText(log, string.Create(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {GC.GetTotalAllocatedBytes()} {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)}\n")), null, 0, 1000);
        }

        var types = Environment.GetEnvironmentVariable("E2E_ALLOC_TYPES");
        if (!string.IsNullOrEmpty(types))
        {
            sampler = new AllocationSampler(types);
        }

        var trigger = Environment.GetEnvironmentVariable("E2E_GC_PROBE");
        if (string.IsNullOrEmpty(trigger))
        {
            return;
        }

        // Polling a file rather than a signal: the node already owns SIGTERM/SIGINT/SIGHUP.
        probe = new Timer(_ => Poll(trigger), null, 200, 200);
    }

    private static void Poll(string trigger)
    {
        if (!File.Exists(trigger) || Interlocked.Exchange(ref busy, 1) == 1)
        {
            return;
        }

        try
        {
            File.Delete(trigger);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var text = string.Create(CultureInfo.InvariantCulture,
                $"heap_bytes={GC.GetTotalMemory(false)} gc_heap_size={info.HeapSizeBytes} committed={info.TotalCommittedBytes} fragmented={info.FragmentedBytes} working_set={Environment.WorkingSet} threads={System.Diagnostics.Process.GetCurrentProcess().Threads.Count}\n");
            File.WriteAllText(trigger + ".out.tmp", text);
            File.Move(trigger + ".out.tmp", trigger + ".out", overwrite: true);
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }
    }
}
