using MsgRelay.Actors;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// Routes messages to entities by id through shards (Akka Cluster Sharding's ShardRegion, node-local
/// for now): the shard id comes from the <see cref="IMessageExtractor"/>, each shard is a child actor
/// created on first use, and each shard creates its entities on demand. The sender of every message is
/// kept, so an entity answers the original asker directly.
/// </summary>
/// <remarks>
/// The cluster issue replaces the local shard children by allocation to Up members; the props
/// factory, the extractor and the envelope stay the same, so callers do not change.
/// </remarks>
public sealed class ShardRegion : ReceiveActor
{
    private readonly Func<string, Props> _entityProps;
    private readonly IMessageExtractor _extractor;

    /// <summary>Creates the region; <paramref name="entityProps"/> makes the props of the entity with a given id.</summary>
    public ShardRegion(Func<string, Props> entityProps, IMessageExtractor extractor)
    {
        _entityProps = entityProps;
        _extractor = extractor;
        ReceiveAsync<GetRegionEntities>(_ => OnGetRegionEntities());
        ReceiveAny(OnMessage);
    }

    /// <summary>Props of a region.</summary>
    public static Props Props(Func<string, Props> entityProps, IMessageExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(entityProps);
        ArgumentNullException.ThrowIfNull(extractor);
        return Actors.Props.Create(() => new ShardRegion(entityProps, extractor));
    }

    private void OnMessage(object message)
    {
        if (_extractor.EntityId(message) is not { Length: > 0 })
        {
            Unhandled(message);
            return;
        }

        var shardId = _extractor.ShardId(message);
        var shard = Context.Child(shardId);
        if (shard.Equals(ActorRefs.Nobody))
        {
            shard = Context.ActorOf(Actors.Props.Create(() => new Shard(shardId, _entityProps, _extractor)), shardId);
        }

        shard.Tell(message, Sender);
    }

    private async Task OnGetRegionEntities()
    {
        var replyTo = Sender;
        var answers = await Task.WhenAll(Context.Children.Select(
            shard => shard.Ask<ShardEntities>(new GetShardEntities(), TimeSpan.FromSeconds(5)))).ConfigureAwait(false);
        replyTo.Tell(new RegionEntities(answers.ToDictionary(a => a.ShardId, a => a.EntityIds)));
    }
}
