using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;

namespace MsgRelay.IntegrationTests.Infrastructure;

/// <summary>
/// A real `msgrelay` child process with its output captured line by line, so tests wait for what it
/// says (bounded by a timeout) instead of sleeping.
/// </summary>
internal sealed class MsgRelayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Channel<string> _newLines = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MsgRelayProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process printed so far (stdout and stderr, interleaved as they arrived).</summary>
    public IReadOnlyList<string> Output => _lines.ToArray();

    /// <param name="launcher">Runs dotnet through this command line (e.g. setpriv to drop privileges);
    /// its last word is then the msgrelay.dll to run.</param>
    public static MsgRelayProcess Start(IEnumerable<string> args, string? standardInput = null, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (launcher is { Count: > 0 })
        {
            foreach (var word in launcher.Skip(1))
            {
                info.ArgumentList.Add(word);
            }
        }
        else
        {
            info.ArgumentList.Add(RepoPaths.MsgRelayDll);
        }
        var list = args.ToList();
        foreach (var arg in list)
        {
            info.ArgumentList.Add(arg);
        }

        // Every node binds a cluster port (2552 by default); tests that do not choose one get any free
        // port, so nodes of parallel tests never collide on it.
        if (list.Count > 0 && list[0] == "serve" && !list.Any(a => a.Contains("msgrelay.cluster.port", StringComparison.Ordinal)))
        {
            info.ArgumentList.Add("--set");
            info.ArgumentList.Add("msgrelay.cluster.port=0");
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new MsgRelayProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnLine(e.Data, wrapper._stdoutClosed);
        process.ErrorDataReceived += (_, e) => wrapper.OnLine(e.Data, wrapper._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        return wrapper;
    }

    /// <summary>Runs a client command to completion and returns its exit code and output.</summary>
    public static async Task<CommandResult> RunAsync(IEnumerable<string> args, TimeSpan timeout, string? standardInput = null, IReadOnlyList<string>? launcher = null)
    {
        await using var process = Start(args, standardInput, launcher: launcher);
        var exitCode = await process.WaitForExitAsync(timeout);
        return new CommandResult(exitCode, process.StandardOutputText, process.StandardErrorText);
    }

    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    public string StandardOutputText => string.Join('\n', _stdout);

    public string StandardErrorText => string.Join('\n', _stderr);

    private void OnLine(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        (closed == _stdoutClosed ? _stdout : _stderr).Enqueue(line);
        _lines.Enqueue(line);
        _newLines.Writer.TryWrite(line);
    }

    /// <summary>Waits until a line (already printed or still to come) contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            // Lines already seen first, then new ones; the channel holds every line, so none is missed.
            while (await _newLines.Reader.WaitToReadAsync(cts.Token))
            {
                while (_newLines.Reader.TryRead(out var line))
                {
                    if (line.Contains(text, StringComparison.Ordinal))
                    {
                        return line;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"msgrelay (pid {_process.Id}) printed no line containing \"{text}\" within {timeout}. Output so far:\n{string.Join('\n', _lines)}");
    }

    /// <summary>Waits for the process to exit and for its output to be drained; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"msgrelay (pid {_process.Id}) did not exit within {timeout}. Output so far:\n{string.Join('\n', _lines)}");
        }

        return _process.ExitCode;
    }

    public void Signal(int signal) => Posix.Signal(_process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
