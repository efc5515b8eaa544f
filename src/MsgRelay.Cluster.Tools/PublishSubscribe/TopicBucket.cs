using System.Collections.Immutable;
using MsgRelay.Remote;

namespace MsgRelay.Cluster.Tools.PublishSubscribe;

/// <summary>
/// The topics one node has local subscribers for, at a version only that node advances (Akka's
/// pub/sub Bucket). The whole set travels in gossip, so a newer bucket simply replaces an older one
/// and an emptied topic needs no tombstone.
/// </summary>
public sealed record TopicBucket(Address Owner, long Version, ImmutableSortedSet<string> Topics);
