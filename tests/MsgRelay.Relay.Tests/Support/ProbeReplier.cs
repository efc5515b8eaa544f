using MsgRelay.Actors;
using MsgRelay.Relay.Listeners;

namespace MsgRelay.Relay.Tests.Support;

/// <summary>A datagram reply as the actor sent it.</summary>
public sealed record DatagramReply(byte[] Data, string To)
{
    public string Text => Wire.Text(Data);
}

/// <summary>Hands every datagram reply to a probe instead of a socket.</summary>
public sealed class ProbeReplier(IActorRef probe) : IDatagramReplier
{
    public void Reply(DatagramReceived datagram, ReadOnlyMemory<byte> data) => probe.Tell(new DatagramReply(data.ToArray(), datagram.PeerHost));
}
