namespace MsgRelay.Actors;

/// <summary>A behaviour: handles a message and returns false when it does not handle it.</summary>
public delegate bool Receive(object message);
