namespace MsgRelay.Protocols;
