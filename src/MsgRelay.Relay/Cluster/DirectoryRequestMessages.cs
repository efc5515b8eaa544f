using MsgRelay.Relay.Directory;
using Address = MsgRelay.Remote.Address;

namespace MsgRelay.Relay.Cluster;

/// <summary>The node at <paramref name="Owner"/> was downed or removed: requests it owned are sent again.</summary>
public sealed record DirectoryOwnerGone(Address Owner);

/// <summary>Starts a <see cref="DirectoryRequest"/> for an envelope whose shard <paramref name="Owner"/> owns; the sender is the asker.</summary>
public sealed record StartDirectoryRequest(ShardEnvelope Envelope, Address Owner);
