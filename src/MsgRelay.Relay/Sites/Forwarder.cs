using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using MsgRelay.Actors;
using MsgRelay.Relay.Routing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MsgRelay.Relay.Sites;

/// <summary>
/// Sends messages for other sites over RWP (FROM, FHST origin and path, FWDS n+1, TO, DATA, SEND)
/// and answers the asker with the mapped <see cref="DeliveryOutcome"/>. Next hops are tried in order;
/// each has its own attempt timeout and circuit breaker, so a dead site costs one prompt 677 instead of
/// a timeout per message. The network work runs outside the actor and comes back as
/// <see cref="ForwardCompleted"/>; the actor itself never waits, so many messages forward at once.
/// </summary>
public sealed class Forwarder : ReceiveActor
{
    private readonly SiteClassifier _classifier;
    private readonly IHopClient _client;
    private readonly TimeProvider _time;
    private readonly Dictionary<NextHop, ResiliencePipeline<HopAnswer>> _pipelines = [];
    private readonly ILogger _log;

    /// <summary>Creates the forwarder; <paramref name="time"/> drives the circuit breakers and timeouts.</summary>
    public Forwarder(SiteClassifier classifier, IHopClient client, TimeProvider? time = null)
    {
        _classifier = classifier;
        _client = client;
        _time = time ?? TimeProvider.System;
        _log = Context.GetLogger();
        Receive<ForwardMessage>(OnForward);
        Receive<ForwardCompleted>(OnCompleted);
    }

    /// <summary>Props of the forwarder.</summary>
    public static Props Props(SiteClassifier classifier, IHopClient client, TimeProvider? time = null) =>
        Actors.Props.Create(() => new Forwarder(classifier, client, time));

    private void OnForward(ForwardMessage forward)
    {
        var message = forward.Message;
        var target = forward.Decision.Target;
        var table = _classifier.Table;
        var loop = HopRules.RefusalForLoop(message.Forwarders, table);
        if (loop is not null)
        {
            ForwarderLog.LoopRefused(_log, target.ToString(), loop, string.Join(' ', message.Forwarders));
            Sender.Tell(DeliveryOutcome.ForwardFailed(loop));
            return;
        }

        var refusal = HopRules.RefusalToForward(message.Hops, message.LocalOnly, table.Settings.MaxHops);
        if (refusal is not null)
        {
            Sender.Tell(DeliveryOutcome.ForwardFailed(refusal));
            return;
        }

        var outgoing = new OutgoingMessage(
            message.From.User,
            message.From.Host,
            HopRules.NextPath(message.Forwarders, table.Settings.Name),
            HopRules.NextCount(message.Hops),
            target,
            message.Body);
        var hops = forward.Decision.Via.Select(hop => (hop, PipelineFor(hop, table.Settings.Forwarder))).ToArray();
        var replyTo = Sender;
        _ = ForwardAsync(_client, outgoing, hops, table.Settings.Forwarder.TotalTimeout, _time)
            .PipeTo(
                Self,
                success: result => result with { ReplyTo = replyTo },
                failure: e => new ForwardCompleted(replyTo, target, DeliveryOutcome.ForwardFailed("unable to forward: internal error"), null, [e.Message]));
    }

    private void OnCompleted(ForwardCompleted completed)
    {
        var recipient = completed.Target.ToString();
        foreach (var failure in completed.Failures)
        {
            ForwarderLog.NextHopFailed(_log, recipient, failure);
        }

        if (completed.Via is { } via)
        {
            ForwarderLog.Forwarded(_log, recipient, via.ToString(), completed.Outcome.Status.ToString(), completed.Outcome.Reason);
        }
        else
        {
            ForwarderLog.ForwardFailed(_log, recipient, completed.Outcome.Reason);
        }

        completed.ReplyTo.Tell(completed.Outcome);
    }

    // Runs outside the actor: touches only the thread-safe client and pipelines.
    private static async Task<ForwardCompleted> ForwardAsync(
        IHopClient client, OutgoingMessage message, (NextHop Hop, ResiliencePipeline<HopAnswer> Pipeline)[] hops, TimeSpan totalTimeout, TimeProvider time)
    {
        var failures = new List<string>();
        using var total = new CancellationTokenSource(totalTimeout, time);
        foreach (var (hop, pipeline) in hops)
        {
            try
            {
                var answer = await pipeline.ExecuteAsync(
                    static (state, ct) => new ValueTask<HopAnswer>(state.client.SendAsync(state.hop, state.message, ct)),
                    (client, hop, message),
                    total.Token).ConfigureAwait(false);
                return new ForwardCompleted(ActorRefs.Nobody, message.To, ForwardReplies.ToOutcome(answer, message.To), hop, failures);
            }
            catch (BrokenCircuitException)
            {
                failures.Add($"{hop}: circuit open");
            }
            catch (TimeoutRejectedException)
            {
                failures.Add($"{hop}: no answer in time");
            }
            catch (OperationCanceledException) when (total.IsCancellationRequested)
            {
                failures.Add($"{hop}: forwarding took longer than {totalTimeout}");
                break;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                failures.Add($"{hop}: {e.Message}");
            }
        }

        return new ForwardCompleted(ActorRefs.Nobody, message.To, DeliveryOutcome.ForwardFailed("unable to forward: no next hop answered"), null, failures);
    }

    private ResiliencePipeline<HopAnswer> PipelineFor(NextHop hop, ForwarderSettings settings)
    {
        if (_pipelines.TryGetValue(hop, out var pipeline))
        {
            return pipeline;
        }

        var log = _log;
        pipeline = new ResiliencePipelineBuilder<HopAnswer> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HopAnswer>
            {
                FailureRatio = settings.FailureRatio,
                MinimumThroughput = settings.MinimumThroughput,
                SamplingDuration = settings.SamplingDuration,
                BreakDuration = settings.BreakDuration,

                // Only an unreachable or broken hop counts; a refusal (670...) is a working site's answer.
                ShouldHandle = new PredicateBuilder<HopAnswer>().Handle<IOException>().Handle<SocketException>().Handle<TimeoutRejectedException>(),
                OnOpened = args =>
                {
                    ForwarderLog.CircuitOpened(log, hop.ToString(), args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    ForwarderLog.CircuitClosed(log, hop.ToString());
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
        _pipelines[hop] = pipeline;
        return pipeline;
    }
}
