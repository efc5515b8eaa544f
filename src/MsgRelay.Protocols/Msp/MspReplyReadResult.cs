namespace MsgRelay.Protocols.Msp;

/// <summary>What <see cref="MspReplyReader.Read"/> made of the buffered bytes.</summary>
/// <param name="Status">Complete, incomplete, or rejected (not a reply, or longer than 512 octets).</param>
/// <param name="Reply">The reply when complete.</param>
/// <param name="Consumed">End of the reply when complete; otherwise the start of the buffer.</param>
public readonly record struct MspReplyReadResult(ReadStatus Status, MspReply? Reply, SequencePosition Consumed);
