using System.Threading.Channels;

namespace MsgRelay.Actors.TestKit;

/// <summary>A message as a probe received it.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">Its sender (dead letters when none).</param>
public sealed record ReceivedMessage(object Message, IActorRef Sender);

/// <summary>
/// The actor behind a probe: queues everything it receives (Terminated included) for the test's
/// Expect calls, except the watch commands the probe sends itself.
/// </summary>
internal sealed class TestActor(ChannelWriter<ReceivedMessage> queue) : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchCommand watch:
                Context.Watch(watch.Target);
                break;
            case UnwatchCommand unwatch:
                Context.Unwatch(unwatch.Target);
                break;
            default:
                queue.TryWrite(new ReceivedMessage(message, Sender));
                break;
        }
        return true;
    }

    public sealed record WatchCommand(IActorRef Target);

    public sealed record UnwatchCommand(IActorRef Target);
}
