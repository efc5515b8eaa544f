using BenchmarkDotNet.Running;

// Every suite in this assembly; pick with --filter (docs/PERFORMANCE.md lists the commands).
if (args.Length > 0 && args[0] == "frontends")
{
    return MsgRelay.Benchmarks.FrontEnds.FrontEndServer.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "agents")
{
    return MsgRelay.Benchmarks.EndToEnd.AgentPool.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "tell-ab")
{
    return MsgRelay.Benchmarks.Actors.TellAb.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
