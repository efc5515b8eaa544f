using BenchmarkDotNet.Attributes;
using MsgRelay.Hocon;

namespace MsgRelay.Benchmarks.Hocon;

/// <summary>Parse and resolve of a ~2,000-line configuration, the size of a large node config
/// with all module references layered in.</summary>
[MemoryDiagnoser]
public class HoconParseBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = SampleConfig.Generate(modules: 72);
        Lines = _text.Split('\n').Length;
    }

    public int Lines { get; private set; }

    [Benchmark]
    public Config Parse() => ConfigFactory.ParseString(_text, "bench.conf");

    [Benchmark]
    public Config ParseAndResolve() => ConfigFactory.ParseString(_text, "bench.conf").Resolve(ConfigResolveOptions.NoEnvironment);
}
