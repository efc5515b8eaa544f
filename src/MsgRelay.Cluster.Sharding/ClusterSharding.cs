using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MsgRelay.Actors;
using MsgRelay.Cluster.Sharding.Wire;

namespace MsgRelay.Cluster.Sharding;

/// <summary>
/// Cluster sharding of one actor system (Akka's ClusterSharding extension): start one region per
/// entity type on every node, then send every message for an entity to the local region.
/// Requires <see cref="Cluster.StartAsync"/> first.
/// </summary>
public sealed class ClusterSharding
{
    private static readonly ConditionalWeakTable<ActorSystem, ClusterSharding> s_instances = new();
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, IActorRef> _regions = new(StringComparer.Ordinal);

    private ClusterSharding(ActorSystem system)
    {
        _system = system;
        Cluster.Get(system).Remoting.Serialization.Register("sharding.EntityEnvelope", EntityEnvelope.Parser);
    }

    /// <summary>The sharding of <paramref name="system"/> (its cluster must be started).</summary>
    public static ClusterSharding Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return s_instances.GetValue(system, static s => new ClusterSharding(s));
    }

    /// <summary>
    /// Starts this node's region for <paramref name="typeName"/> (the same on every node) and returns
    /// it. Entity messages that go to another node must be serializable by the remoting registry.
    /// </summary>
    public IActorRef Start(string typeName, Func<string, Props> entityProps, IMessageExtractor extractor, ClusterShardingSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(extractor);
        var bufferSize = (settings ?? new ClusterShardingSettings()).BufferSize;
        return _regions.GetOrAdd(typeName, name =>
            _system.SystemActorOf(Props.Create(() => new ShardRegion(name, entityProps, extractor, bufferSize)), "sharding-" + Uri.EscapeDataString(name)));
    }

    /// <summary>The region started for <paramref name="typeName"/>.</summary>
    public IActorRef ShardRegion(string typeName) =>
        _regions.TryGetValue(typeName, out var region) ? region : throw new InvalidOperationException($"No region started for [{typeName}]");
}
