namespace MsgRelay.Hocon;
