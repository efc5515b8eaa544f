using MsgRelay.Actors;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>Subscribes <paramref name="Ref"/> to <paramref name="Topic"/> on this node; acknowledged with <see cref="SubscribeAck"/>.</summary>
public sealed record Subscribe(string Topic, IActorRef Ref);

/// <summary>The subscription is in place.</summary>
public sealed record SubscribeAck(Subscribe Subscribe);

/// <summary>Removes a subscription; acknowledged with <see cref="UnsubscribeAck"/>.</summary>
public sealed record Unsubscribe(string Topic, IActorRef Ref);

/// <summary>The subscription is gone.</summary>
public sealed record UnsubscribeAck(Unsubscribe Unsubscribe);

/// <summary>
/// Delivers <paramref name="Message"/> to every subscriber of <paramref name="Topic"/> on every Up
/// member, with the publisher as sender. The message must be serializable by remoting to leave this node.
/// </summary>
public sealed record Publish(string Topic, object Message);

/// <summary>Asks the mediator for the number of local subscribers of a topic (answered with an int).</summary>
public sealed record CountSubscribers(string Topic);

/// <summary>
/// Asks the mediator which other nodes it currently knows to have subscribers for
/// <paramref name="Topic"/> (answered with <see cref="SubscribedNodes"/>): what a publish there reaches.
/// </summary>
public sealed record GetSubscribedNodes(string Topic);

/// <summary>The other nodes a publish to <paramref name="Topic"/> is sent to, as far as gossip has told this node.</summary>
public sealed record SubscribedNodes(string Topic, IReadOnlyList<MsgRelay.Remote.Address> Nodes);
