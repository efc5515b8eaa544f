using System.Runtime.CompilerServices;
using MsgRelay.Actors;
using MsgRelay.Cluster.Tools.PublishSubscribe.Wire;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>The pub/sub extension (Akka's DistributedPubSub): one mediator per node.</summary>
public sealed class DistributedPubSub
{
    private static readonly ConditionalWeakTable<ActorSystem, DistributedPubSub> s_instances = new();

    private DistributedPubSub(ActorSystem system)
    {
        var serialization = Cluster.Get(system).Remoting.Serialization;
        serialization.Register("pubsub.Published", Published.Parser);
        serialization.Register("pubsub.TopicStatus", TopicStatus.Parser);
        serialization.Register("pubsub.TopicDelta", TopicDelta.Parser);
        Mediator = system.SystemActorOf(Props.Create(() => new DistributedPubSubMediator()), DistributedPubSubMediator.MediatorPath["/system/".Length..]);
    }

    /// <summary>This node's mediator: send it <see cref="Subscribe"/>, <see cref="Unsubscribe"/> and <see cref="Publish"/>.</summary>
    public IActorRef Mediator { get; }

    /// <summary>The extension of <paramref name="system"/> (its cluster must be started); created on first use.</summary>
    public static DistributedPubSub Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_instances.GetValue(system, static s => new DistributedPubSub(s));
    }
}
