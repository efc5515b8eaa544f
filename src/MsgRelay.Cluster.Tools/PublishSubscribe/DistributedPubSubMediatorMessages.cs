namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>Time to gossip the topic registry with a random peer.</summary>
internal sealed record PubSubGossipTick
{
    public static PubSubGossipTick Instance { get; } = new();
}
