using Microsoft.Extensions.Logging;

namespace MsgRelay.Actors.TestKit;

/// <summary>
/// The logger factory the TestKit installs: records every event (for EventFilter and log
/// assertions) and passes it on to the wrapped factory (test output or the caller's own).
/// </summary>
internal sealed class CapturingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private const int MaxKept = 10_000;
    private static readonly AsyncLocal<ScopeFrame?> s_scopes = new();
    private readonly Lock _gate = new();
    private readonly List<CapturedLogEvent> _events = [];
    private Action<CapturedLogEvent>[] _listeners = [];

    public IReadOnlyList<CapturedLogEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IDisposable Listen(Action<CapturedLogEvent> listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
        return new Subscription(this, listener);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName, inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The wrapped factory belongs to whoever created it.
    }

    private void Record(CapturedLogEvent captured)
    {
        Action<CapturedLogEvent>[] listeners;
        lock (_gate)
        {
            if (_events.Count < MaxKept)
            {
                _events.Add(captured);
            }
            listeners = _listeners;
        }
        foreach (var listener in listeners)
        {
            listener(captured);
        }
    }

    private sealed class Subscription(CapturingLoggerFactory owner, Action<CapturedLogEvent> listener) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners = [.. owner._listeners.Where(l => l != listener)];
            }
        }
    }

    private sealed record ScopeFrame(object State, ScopeFrame? Parent);

    private sealed class CapturingLogger(CapturingLoggerFactory owner, string category, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            var parent = s_scopes.Value;
            s_scopes.Value = new ScopeFrame(state, parent);
            var innerScope = inner.BeginScope(state);
            return new ScopeEnd(parent, innerScope);
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var frame = s_scopes.Value; frame is not null; frame = frame.Parent)
            {
                AddPairs(properties, frame.State);
            }
            AddPairs(properties, state);
            owner.Record(new CapturedLogEvent(logLevel, category, eventId, formatter(state, exception), exception, properties));
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }

        private static void AddPairs(Dictionary<string, object?> properties, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    properties.TryAdd(key, value);
                }
            }
            else if (state is IEnumerable<KeyValuePair<string, object>> nonNullPairs)
            {
                foreach (var (key, value) in nonNullPairs)
                {
                    properties.TryAdd(key, value);
                }
            }
        }
    }

    private sealed class ScopeEnd(ScopeFrame? parent, IDisposable? innerScope) : IDisposable
    {
        public void Dispose()
        {
            s_scopes.Value = parent;
            innerScope?.Dispose();
        }
    }
}
