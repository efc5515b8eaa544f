namespace MsgRelay.Actors;
