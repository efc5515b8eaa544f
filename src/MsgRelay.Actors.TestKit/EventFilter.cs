using System.Diagnostics;
using Xunit;
using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors.TestKit;

/// <summary>
/// Expects a number of matching events (log events or dead letters) while a block of test code
/// runs: <c>await EventFilter.Exception&lt;InvalidOperationException&gt;().ExpectOneAsync(async () =&gt; ...)</c>.
/// </summary>
public sealed class EventFilter
{
    private readonly string _description;
    private readonly Func<Action, IDisposable> _listen;

    internal EventFilter(string description, Func<Action, IDisposable> listen)
    {
        _description = description;
        _listen = listen;
    }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public Task ExpectOneAsync(Func<Task> action, TimeSpan? timeout = null) => ExpectAsync(1, action, timeout);

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    public Task ExpectOneAsync(Action action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExpectAsync(1, () =>
        {
            action();
            return Task.CompletedTask;
        }, timeout);
    }

    /// <summary>
    /// Runs <paramref name="action"/>, then waits (default 3 s, dilated) until
    /// <paramref name="expected"/> matching events were seen; fails on fewer, or on more seen by then.
    /// </summary>
    public async Task ExpectAsync(int expected, Func<Task> action, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var limit = WithinDeadline.Bound(timeout ?? TimeFactor.Dilate(TestProbe.DefaultTimeout));
        var count = 0;
        using (_listen(() => Interlocked.Increment(ref count)))
        {
            var stopwatch = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            // Polling is bounded by the limit; events arrive from actor threads.
            while (Volatile.Read(ref count) < expected && stopwatch.Elapsed < limit)
            {
                await Task.Delay(10).ConfigureAwait(false);
            }
            var seen = Volatile.Read(ref count);
            if (seen != expected)
            {
                Assert.Fail($"Expected {expected} event(s) matching {_description} but saw {seen} after {stopwatch.Elapsed.TotalMilliseconds:F0} ms (timeout {limit})");
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => _description;
}

/// <summary>Creates <see cref="EventFilter"/>s for one TestKit's system (the TestKit's <c>EventFilter</c> property).</summary>
public sealed class EventFilterFactory
{
    private readonly ActorSystem _system;
    private readonly CapturingLoggerFactory _logs;

    internal EventFilterFactory(ActorSystem system, CapturingLoggerFactory logs)
    {
        _system = system;
        _logs = logs;
    }

    /// <summary>Log events carrying an exception of type <typeparamref name="T"/> (e.g. an actor failure), optionally with a message containing <paramref name="contains"/>.</summary>
    public EventFilter Exception<T>(string? contains = null) where T : Exception =>
        Log($"Exception<{typeof(T).Name}>{Suffix(contains)}", e => e.Exception is T && Contains(e.Exception.Message + " " + e.Message, contains));

    /// <summary>Error (and critical) log events whose message contains <paramref name="contains"/>.</summary>
    public EventFilter Error(string? contains = null) => Level(LogLevel.Error, contains);

    /// <summary>Warning log events whose message contains <paramref name="contains"/>.</summary>
    public EventFilter Warning(string? contains = null) => Level(LogLevel.Warning, contains);

    /// <summary>Information log events whose message contains <paramref name="contains"/>.</summary>
    public EventFilter Info(string? contains = null) => Level(LogLevel.Information, contains);

    /// <summary>Debug log events whose message contains <paramref name="contains"/>.</summary>
    public EventFilter Debug(string? contains = null) => Level(LogLevel.Debug, contains);

    /// <summary>Log events matching an arbitrary predicate.</summary>
    public EventFilter Custom(string description, Func<CapturedLogEvent, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Log(description, predicate);
    }

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (optionally matching <paramref name="predicate"/>).</summary>
    public EventFilter DeadLetter<T>(Func<T, bool>? predicate = null) =>
        new($"DeadLetter<{typeof(T).Name}>", onMatch =>
        {
            var listener = _system.SystemActorOf(Props.Create(() => new DeadLetterListener(letter =>
            {
                if (letter.Message is T typed && (predicate is null || predicate(typed)))
                {
                    onMatch();
                }
            })));
            _system.EventStream.Subscribe(listener, typeof(Actors.DeadLetter));
            return new Unsubscriber(() =>
            {
                _system.EventStream.Unsubscribe(listener);
                _system.Stop(listener);
            });
        });

    /// <summary>Any dead letter.</summary>
    public EventFilter DeadLetter() => DeadLetter<object>();

    private EventFilter Level(LogLevel level, string? contains) =>
        Log($"{level}{Suffix(contains)}", e => (e.Level == level || (level == LogLevel.Error && e.Level == LogLevel.Critical)) && Contains(e.Message, contains));

    private EventFilter Log(string description, Func<CapturedLogEvent, bool> predicate) =>
        new(description, onMatch => _logs.Listen(e =>
        {
            if (predicate(e))
            {
                onMatch();
            }
        }));

    private static bool Contains(string text, string? part) => part is null || text.Contains(part, StringComparison.Ordinal);

    private static string Suffix(string? contains) => contains is null ? "" : $"(contains \"{contains}\")";

    private sealed class DeadLetterListener(Action<DeadLetter> onLetter) : ActorBase
    {
        protected override bool Receive(object message)
        {
            if (message is DeadLetter letter)
            {
                onLetter(letter);
            }
            return true;
        }
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
