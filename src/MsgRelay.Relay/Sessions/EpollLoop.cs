using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace MsgRelay.Relay.Sessions;

/// <summary>
/// A thread that waits on one Linux epoll set and, when a connection's socket is ready, lets its
/// <see cref="EpollTransport"/> read or write right there: one <c>recv</c> per readiness and no
/// hand-off to the thread pool before the bytes reach the connection's actor. .NET's own socket
/// engine instead tries every receive at once (a <c>recv</c> that usually returns EAGAIN, because
/// a client sends its next message only after the answer), then waits for the event on its epoll
/// thread and completes the read on a pool thread - a <c>recv</c> and a hand-off more per message
/// (docs/PERFORMANCE.md "An epoll loop for TCP connections").
/// </summary>
/// <remarks>
/// Level-triggered: a connection that is not drained by one read is reported again, so reading
/// once per readiness is fair to the other connections and never loses data. Interest is changed
/// from any thread (epoll allows that); events are matched to transports by a token, never by the
/// descriptor, so a descriptor closed and reused meanwhile cannot reach the wrong connection.
/// </remarks>
internal sealed partial class EpollLoop
{
    internal const uint In = 0x001;
    internal const uint Out = 0x004;
    internal const uint Error = 0x008;
    internal const uint HangUp = 0x010;

    private const int Add = 1;
    private const int Delete = 2;
    private const int Modify = 3;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;
    private const int MaxEvents = 256;
    // Big enough for any message the protocols allow in one read; the read is copied out at its own size.
    private const int ReceiveBufferSize = 16 * 1024;

    // struct epoll_event is packed on x86 (12 bytes), naturally aligned elsewhere (16 bytes).
    private static readonly int EventSize =
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 ? 12 : 16;

    private static readonly int DataOffset = EventSize == 12 ? 4 : 8;

    private static readonly Lazy<EpollLoop[]?> SharedLoops = new(CreateShared);
    private static int s_next;

    private readonly int _epoll;
    private readonly ConcurrentDictionary<long, EpollTransport> _transports = new();
    private long _nextToken;
    private volatile bool _broken;

    private EpollLoop(int epoll, int index)
    {
        _epoll = epoll;
        var thread = new Thread(Run) { IsBackground = true, Name = "msgrelay-epoll-" + index };
        thread.Start();
    }

    /// <summary>Whether this process can use the loop (Linux, and epoll_create1 worked).</summary>
    public static bool IsAvailable => SharedLoops.Value is not null;

    /// <summary>
    /// One of the process's loops, round robin; null where epoll is not available (or the loop
    /// chosen has failed). The loops live as long as the process, as .NET's own socket engine
    /// does: several actor systems (tests) share them.
    /// </summary>
    public static EpollLoop? Next()
    {
        var loops = SharedLoops.Value;
        if (loops is null)
        {
            return null;
        }

        var loop = loops[(int)((uint)Interlocked.Increment(ref s_next) % (uint)loops.Length)];
        return loop._broken ? null : loop;
    }

    /// <summary>Registers a transport; its token names it in <see cref="Control"/> calls.</summary>
    public long Attach(EpollTransport transport)
    {
        var token = Interlocked.Increment(ref _nextToken);
        _transports[token] = transport;
        return token;
    }

    /// <summary>Forgets a transport; events already taken from epoll for it are dropped.</summary>
    public void Detach(long token) => _transports.TryRemove(token, out _);

    /// <summary>
    /// Moves the descriptor's interest from <paramref name="from"/> to <paramref name="to"/>
    /// (0 means not in the set). Returns 0, or the errno of a failed epoll_ctl.
    /// </summary>
    public int Control(int fd, long token, uint from, uint to)
    {
        if (from == to)
        {
            return 0;
        }

        var op = from == 0 ? Add : to == 0 ? Delete : Modify;
        Span<byte> ev = stackalloc byte[16];
        ev.Clear();
        MemoryMarshal.Write(ev, in to);
        MemoryMarshal.Write(ev[DataOffset..], in token);
        return EpollCtl(_epoll, op, fd, ref MemoryMarshal.GetReference(ev)) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    private static EpollLoop[]? CreateShared()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // One loop reads for up to four cores' worth of actors: its work per event is a recv and a Tell.
        var count = Math.Max(1, Environment.ProcessorCount / 4);
        var loops = new EpollLoop[count];
        for (var i = 0; i < count; i++)
        {
            int epoll;
            try
            {
                epoll = EpollCreate(CloseOnExec);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }

            if (epoll < 0)
            {
                return i == 0 ? null : loops[..i];
            }

            loops[i] = new EpollLoop(epoll, i);
        }

        return loops;
    }

    private void Run()
    {
        var events = new byte[MaxEvents * EventSize];
        var buffer = new byte[ReceiveBufferSize];
        while (true)
        {
            var count = EpollWait(_epoll, ref events[0], MaxEvents, -1);
            if (count < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                // Only a broken epoll descriptor gets here. Its connections are closed rather than left
                // unread, and new ones go to .NET's engine.
                _broken = true;
                var error = new IOException("epoll_wait errno " + Marshal.GetLastPInvokeError().ToString(System.Globalization.CultureInfo.InvariantCulture));
                foreach (var transport in _transports.Values)
                {
                    transport.Fail(error);
                }

                return;
            }

            for (var i = 0; i < count; i++)
            {
                var at = events.AsSpan(i * EventSize, EventSize);
                var ready = MemoryMarshal.Read<uint>(at);
                var token = MemoryMarshal.Read<long>(at[DataOffset..]);
                if (_transports.TryGetValue(token, out var transport))
                {
                    try
                    {
                        transport.OnReady(ready, buffer);
                    }
                    catch (Exception e) // one connection's unexpected failure must not stop the loop that serves all the others
                    {
                        transport.Fail(e);
                    }
                }
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int op, int fd, ref byte ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epoll, ref byte events, int maxEvents, int timeout);
}
