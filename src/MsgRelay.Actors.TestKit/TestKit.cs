using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace MsgRelay.Actors.TestKit;

/// <summary>
/// xunit base class: a fresh <see cref="ActorSystem"/> per test (<see cref="Sys"/>), terminated
/// when the test ends; an implicit probe (<see cref="TestActor"/>) with the Expect methods;
/// EventFilter over captured logs; every default timeout scaled by <see cref="TimeFactor"/>
/// (environment variable <c>MSGRELAY_TEST_TIME_FACTOR</c>).
/// </summary>
/// <remarks>
/// Test classes in a namespace under <c>MsgRelay.Actors</c> must put <c>using MsgRelay.Actors.TestKit;</c>
/// after their namespace declaration, or write <c>TestKit.TestKit</c>: the namespace of the same name wins otherwise.
/// </remarks>
public class TestKit : IAsyncLifetime
{
    private static int s_probeCounter;
    private readonly CapturingLoggerFactory _logs;
    private readonly TestProbe _testActor;

    /// <summary>A kit with default settings and no test output.</summary>
    public TestKit() : this(ActorSystemSettings.Default, null)
    {
    }

    /// <summary>A kit that writes the system's logs to the test output.</summary>
    public TestKit(ITestOutputHelper? output) : this(ActorSystemSettings.Default, output)
    {
    }

    /// <summary>A kit with the given settings (e.g. a <see cref="TestScheduler"/>); logs go to <paramref name="output"/> when given.</summary>
    public TestKit(ActorSystemSettings settings, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var downstream = output is not null ? new TestOutputLoggerFactory(output) : settings.LoggerFactory;
        _logs = new CapturingLoggerFactory(downstream);
        Sys = ActorSystem.Create("test", settings with { LoggerFactory = _logs });
        _testActor = new TestProbe(Sys, "testActor");
        EventFilter = new EventFilterFactory(Sys, _logs);
    }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The implicit probe's reference.</summary>
    public IActorRef TestActor => _testActor.Ref;

    /// <summary>Sender of the last message the implicit probe received.</summary>
    public IActorRef LastSender => _testActor.LastSender;

    /// <summary>Expectations on log events and dead letters.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>Every log event of this test's system so far.</summary>
    public IReadOnlyList<CapturedLogEvent> LogEvents => _logs.Events;

    /// <summary>The system's scheduler as a <see cref="TestScheduler"/> (the kit must be created with one).</summary>
    public TestScheduler Scheduler => Sys.Scheduler as TestScheduler
        ?? throw new InvalidOperationException("This TestKit was not created with a TestScheduler; pass new ActorSystemSettings { Scheduler = new TestScheduler() }");

    /// <summary>Scales <paramref name="duration"/> by the time factor.</summary>
    public static TimeSpan Dilated(TimeSpan duration) => TimeFactor.Dilate(duration);

    /// <summary>A new probe (its own queue and reference).</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"testProbe-{Interlocked.Increment(ref s_probeCounter)}");

    /// <summary>Watches <paramref name="target"/> with the implicit probe.</summary>
    public IActorRef Watch(IActorRef target) => _testActor.Watch(target);

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target) => _testActor.Unwatch(target);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null) => _testActor.ExpectMsgAsync<T>(timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(T, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(expected, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Func{T, bool}, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(predicate, timeout);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Action{T}, TimeSpan?)"/>
    public Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null) => _testActor.ExpectMsgAsync(assertion, timeout);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync(TimeSpan)"/>
    public Task ExpectNoMsgAsync(TimeSpan duration) => _testActor.ExpectNoMsgAsync(duration);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync()"/>
    public Task ExpectNoMsgAsync() => _testActor.ExpectNoMsgAsync();

    /// <inheritdoc cref="TestProbe.ExpectTerminatedAsync"/>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) => _testActor.ExpectTerminatedAsync(target, timeout);

    /// <inheritdoc cref="TestProbe.FishForMessageAsync{T}"/>
    public Task<T> FishForMessageAsync<T>(Func<T, bool> isTheOne, TimeSpan? timeout = null) => _testActor.FishForMessageAsync(isTheOne, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveNAsync"/>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int n, TimeSpan? timeout = null) => _testActor.ReceiveNAsync(n, timeout);

    /// <inheritdoc cref="TestProbe.ReceiveOneAsync"/>
    public Task<object?> ReceiveOneAsync(TimeSpan? timeout = null) => _testActor.ReceiveOneAsync(timeout);

    /// <summary>
    /// Runs <paramref name="body"/> and fails unless it finishes within <paramref name="max"/> (dilated);
    /// Expect calls inside wait no longer than the time remaining.
    /// </summary>
    public static async Task WithinAsync(TimeSpan max, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var limit = Dilated(max);
        var outer = WithinDeadline.Current;
        var deadline = DateTime.UtcNow + limit;
        WithinDeadline.Current = outer is { } o && o < deadline ? o : deadline;
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await body().ConfigureAwait(false);
        }
        finally
        {
            WithinDeadline.Current = outer;
        }
        if (stopwatch.Elapsed > limit)
        {
            Assert.Fail($"Within block took {stopwatch.Elapsed.TotalMilliseconds:F0} ms, more than the allowed {limit}");
        }
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 50 ms) until it
    /// passes or <paramref name="duration"/> (default 3 s, dilated) is over; then rethrows its last failure.
    /// </summary>
    public static Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval);
    }

    /// <inheritdoc cref="AwaitAssertAsync(Action, TimeSpan?, TimeSpan?)"/>
    public static async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = WithinDeadline.Bound(duration ?? Dilated(TestProbe.DefaultTimeout));
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var stopwatch = Stopwatch.StartNew();
        // Bounded by the deadline: the last attempt's failure propagates.
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (stopwatch.Elapsed + pause < limit)
            {
                await Task.Delay(pause).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails after <paramref name="max"/> (default 3 s, dilated).</summary>
    public static async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = WithinDeadline.Bound(max ?? Dilated(TestProbe.DefaultTimeout));
        var pause = interval ?? TimeSpan.FromMilliseconds(20);
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed >= limit)
            {
                Assert.Fail($"Condition not met within {limit}");
            }
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system; fails the test if that takes longer than 10 s (dilated).</summary>
    public virtual async Task DisposeAsync()
    {
        try
        {
            await Sys.Terminate().WaitAsync(Dilated(TimeSpan.FromSeconds(10))).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Actor system {Sys.Name} did not terminate within {Dilated(TimeSpan.FromSeconds(10))}");
        }
        GC.SuppressFinalize(this);
    }
}
