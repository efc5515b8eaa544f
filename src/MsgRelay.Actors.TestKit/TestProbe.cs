using System.Diagnostics;
using Xunit;
using System.Threading.Channels;

namespace MsgRelay.Actors.TestKit;

/// <summary>
/// A test actor you can send from and expect messages on. Failing expectations throw xunit
/// assertion failures naming what was expected, what arrived and after how long.
/// </summary>
public sealed class TestProbe
{
    private readonly Channel<ReceivedMessage> _queue = Channel.CreateUnbounded<ReceivedMessage>(new UnboundedChannelOptions { SingleReader = true });

    internal TestProbe(ActorSystem system, string name)
    {
        System = system;
        Ref = system.SystemActorOf(Props.Create(() => new TestActor(_queue.Writer)), name);
    }

    /// <summary>The default Expect timeout before dilation.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(3);

    /// <summary>The probe's actor reference: pass it as a sender or recipient.</summary>
    public IActorRef Ref { get; }

    /// <summary>The system the probe lives in.</summary>
    public ActorSystem System { get; }

    /// <summary>Sender of the last message received by an Expect/Receive call.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>Same as <see cref="LastSender"/>.</summary>
    public IActorRef Sender => LastSender;

    /// <summary>The last message received by an Expect/Receive call.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>Tells the probe itself a message (as if <paramref name="sender"/> sent it).</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with the probe as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, Ref);
    }

    /// <summary>Replies to the sender of the last received message.</summary>
    public void Reply(object message) => LastSender.Tell(message, Ref);

    /// <summary>Forwards the last received message to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("No message received yet to forward"), LastSender);
    }

    /// <summary>Watches <paramref name="target"/>: its Terminated arrives on this probe.</summary>
    public IActorRef Watch(IActorRef target)
    {
        Ref.Tell(new TestActor.WatchCommand(target));
        return target;
    }

    /// <summary>Stops watching <paramref name="target"/>.</summary>
    public IActorRef Unwatch(IActorRef target)
    {
        Ref.Tell(new TestActor.UnwatchCommand(target));
        return target;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> within the timeout (default 3 s, dilated).</summary>
    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        var (message, elapsed, limit) = await ReceiveOrFailAsync($"a message of type {typeof(T).Name}", timeout).ConfigureAwait(false);
        if (message is not T typed)
        {
            Assert.Fail($"Expected a message of type {typeof(T).Name} but received {Describe(message)} after {elapsed.TotalMilliseconds:F0} ms (timeout {limit})");
            throw new UnreachableException();
        }
        return typed;
    }

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var (message, elapsed, limit) = await ReceiveOrFailAsync($"{Describe(expected)}", timeout).ConfigureAwait(false);
        if (message is not T typed || !EqualityComparer<T>.Default.Equals(typed, expected))
        {
            Assert.Fail($"Expected {Describe(expected)} but received {Describe(message)} after {elapsed.TotalMilliseconds:F0} ms (timeout {limit})");
            throw new UnreachableException();
        }
        return typed;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> satisfying <paramref name="predicate"/>.</summary>
    public async Task<T> ExpectMsgAsync<T>(Func<T, bool> predicate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var (message, elapsed, limit) = await ReceiveOrFailAsync($"a {typeof(T).Name} matching the predicate", timeout).ConfigureAwait(false);
        if (message is not T typed || !predicate(typed))
        {
            Assert.Fail($"Expected a {typeof(T).Name} matching the predicate but received {Describe(message)} after {elapsed.TotalMilliseconds:F0} ms (timeout {limit})");
            throw new UnreachableException();
        }
        return typed;
    }

    /// <summary>Expects a message of type <typeparamref name="T"/> and runs <paramref name="assertion"/> on it.</summary>
    public async Task<T> ExpectMsgAsync<T>(Action<T> assertion, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var typed = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        assertion(typed);
        return typed;
    }

    /// <summary>Fails if any message arrives within <paramref name="duration"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan duration)
    {
        var stopwatch = Stopwatch.StartNew();
        var received = await TryReceiveAsync(WithinDeadline.Bound(duration)).ConfigureAwait(false);
        if (received is not null)
        {
            Assert.Fail($"Expected no message for {duration} but received {Describe(received.Message)} after {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        }
    }

    /// <summary>Fails if any message arrives within 100 ms (dilated).</summary>
    public Task ExpectNoMsgAsync() => ExpectNoMsgAsync(TimeFactor.Dilate(TimeSpan.FromMilliseconds(100)));

    /// <summary>Expects the Terminated of <paramref name="target"/> (watch it first).</summary>
    public async Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (message, elapsed, limit) = await ReceiveOrFailAsync($"Terminated({target.Path})", timeout).ConfigureAwait(false);
        if (message is not Terminated terminated || !Equals(terminated.ActorRef, target))
        {
            Assert.Fail($"Expected Terminated({target.Path}) but received {Describe(message)} after {elapsed.TotalMilliseconds:F0} ms (timeout {limit})");
            throw new UnreachableException();
        }
        return terminated;
    }

    /// <summary>Skips messages until one of type <typeparamref name="T"/> satisfies <paramref name="isTheOne"/>.</summary>
    public async Task<T> FishForMessageAsync<T>(Func<T, bool> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var limit = Limit(timeout);
        var stopwatch = Stopwatch.StartNew();
        var skipped = new List<string>();
        // Bounded by the deadline: each round either returns, skips one message, or times out.
        while (true)
        {
            var remaining = limit - stopwatch.Elapsed;
            var received = remaining > TimeSpan.Zero ? await TryReceiveAsync(remaining).ConfigureAwait(false) : null;
            if (received is null)
            {
                Assert.Fail($"Timeout ({limit}) while fishing for a {typeof(T).Name}; skipped: [{string.Join(", ", skipped)}]");
            }
            if (received!.Message is T typed && isTheOne(typed))
            {
                return typed;
            }
            skipped.Add(Describe(received.Message));
        }
    }

    /// <summary>Receives exactly <paramref name="n"/> messages within the timeout (for all of them).</summary>
    public async Task<IReadOnlyList<object>> ReceiveNAsync(int n, TimeSpan? timeout = null)
    {
        var limit = Limit(timeout);
        var stopwatch = Stopwatch.StartNew();
        var messages = new List<object>(n);
        for (var i = 0; i < n; i++)
        {
            var remaining = limit - stopwatch.Elapsed;
            var received = remaining > TimeSpan.Zero ? await TryReceiveAsync(remaining).ConfigureAwait(false) : null;
            if (received is null)
            {
                Assert.Fail($"Timeout ({limit}) while waiting for {n} messages; received {i}: [{string.Join(", ", messages.Select(Describe))}]");
            }
            messages.Add(received!.Message);
        }
        return messages;
    }

    /// <summary>Receives one message of any type, or null after the timeout.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? timeout = null) => (await TryReceiveAsync(Limit(timeout)).ConfigureAwait(false))?.Message;

    private static TimeSpan Limit(TimeSpan? timeout) => WithinDeadline.Bound(timeout ?? TimeFactor.Dilate(DefaultTimeout));

    private async Task<(object Message, TimeSpan Elapsed, TimeSpan Limit)> ReceiveOrFailAsync(string expectation, TimeSpan? timeout)
    {
        var limit = Limit(timeout);
        var stopwatch = Stopwatch.StartNew();
        var received = await TryReceiveAsync(limit).ConfigureAwait(false);
        if (received is null)
        {
            Assert.Fail($"Timeout ({limit}) while waiting for {expectation}; no message arrived");
        }
        return (received!.Message, stopwatch.Elapsed, limit);
    }

    private async Task<ReceivedMessage?> TryReceiveAsync(TimeSpan timeout)
    {
        var reader = _queue.Reader;
        if (!reader.TryRead(out var received))
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                while (!reader.TryRead(out received))
                {
                    await reader.WaitToReadAsync(cts.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
        LastMessage = received.Message;
        LastSender = received.Sender;
        return received;
    }

    private static string Describe(object? message) => message is null ? "null" : $"[{message}] ({message.GetType().Name})";
}
