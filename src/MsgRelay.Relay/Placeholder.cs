namespace MsgRelay.Relay;
