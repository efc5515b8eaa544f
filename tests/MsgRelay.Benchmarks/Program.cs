using BenchmarkDotNet.Running;

// Every suite in this assembly; pick with --filter (docs/PERFORMANCE.md lists the commands).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
