namespace MsgRelay.Actors;

/// <summary>A message and its sender, as stashed and unstashed.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
