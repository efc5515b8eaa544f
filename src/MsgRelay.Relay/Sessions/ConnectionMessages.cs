namespace MsgRelay.Relay.Sessions;

/// <summary>Asks a connection actor to write these bytes to its socket, in order with its own replies.</summary>
public sealed record ConnectionWrite(ReadOnlyMemory<byte> Data);

/// <summary>Asks a connection actor to flush what it has written and close its socket.</summary>
public sealed record ConnectionClose(string Reason);
