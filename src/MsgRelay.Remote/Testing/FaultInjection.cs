using Microsoft.Extensions.Logging;

namespace MsgRelay.Remote.Testing;

/// <summary>
/// Test-only network partition of a real process (<c>msgrelay.remote.testing.fault-injection</c>):
/// the node re-reads a control file every <see cref="PollInterval"/> and drops every envelope to
/// and from the peers it names, as a network that black-holes packets would. Connections stay
/// open, so heartbeats simply stop arriving and the failure detector and downing act exactly as in
/// a real partition. Removing the lines heals it. Off unless configured.
/// </summary>
/// <remarks>
/// A file rather than an admin endpoint: it needs nothing from the node but a path, the test
/// controls it while the node is cut off from everything else, and it cannot be reached remotely.
/// </remarks>
public sealed class FaultInjection
{
    /// <summary>How often the control file is re-read: a change takes effect within this.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly string _file;
    private readonly ILogger _log;
    private volatile IReadOnlySet<string> _dropped = new HashSet<string>(StringComparer.Ordinal);
    private string _lastText = "";

    private FaultInjection(string file, ILogger log)
    {
        _file = file;
        _log = log;
    }

    /// <summary>Reads <paramref name="file"/> now and then every <see cref="PollInterval"/> until <paramref name="stopping"/>.</summary>
    public static FaultInjection Start(string file, ILogger log, CancellationToken stopping)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        ArgumentNullException.ThrowIfNull(log);
        var faults = new FaultInjection(Path.GetFullPath(file), log);
        RemoteLog.FaultInjectionOn(log, faults._file);
        faults.Refresh();
        _ = faults.PollLoop(stopping);
        return faults;
    }

    /// <summary>Whether traffic with <paramref name="peer"/> is being dropped right now.</summary>
    public bool Drops(Address peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var dropped = _dropped;
        return dropped.Count > 0 && (dropped.Contains("*") || dropped.Contains(peer.HostPort));
    }

    /// <summary>
    /// The peers a control file names: one <c>host:port</c> (a cluster address) or <c>*</c> (every
    /// peer) per line; blank lines and lines starting with <c>#</c> are ignored.
    /// </summary>
    public static IReadOnlySet<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);
    }

    private async Task PollLoop(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                Refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // Remoting is stopping.
        }
    }

    private void Refresh()
    {
        string text;
        try
        {
            text = File.Exists(_file) ? File.ReadAllText(_file) : "";
        }
        catch (IOException)
        {
            // Being replaced right now: the next poll reads the new content.
            return;
        }
        if (text == _lastText)
        {
            return;
        }
        _lastText = text;
        var dropped = Parse(text);
        _dropped = dropped;
        RemoteLog.FaultInjectionChanged(_log, dropped.Count == 0 ? "nobody" : string.Join(", ", dropped.Order(StringComparer.Ordinal)));
    }
}
