namespace MsgRelay.Actors.TestKit;
