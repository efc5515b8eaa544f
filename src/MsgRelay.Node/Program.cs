using MsgRelay.Node.Cli;

return await MsgRelayCli.RunAsync(args);
