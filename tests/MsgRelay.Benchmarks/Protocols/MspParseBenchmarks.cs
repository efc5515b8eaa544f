using System.Buffers;
using BenchmarkDotNet.Attributes;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Msp;

namespace MsgRelay.Benchmarks.Protocols;

/// <summary>
/// MSP v2 parse throughput: a buffer holding many back-to-back messages (a busy v2 TCP
/// connection), read one message after the other. One operation is one message.
/// </summary>
[MemoryDiagnoser]
public class MspParseBenchmarks
{
    private const int Messages = 1000;

    private ReadOnlySequence<byte> _buffer;

    /// <summary>False: one contiguous array; true: 4 KiB segments, as a pipe hands them out.</summary>
    [Params(false, true)]
    public bool Segmented { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var one = MspWriter.ToArray(new MspMessage(2, "chris", "", "Hi\r\nHow about lunch?", "sandy", "console", "910806121325", ""));
        var all = new byte[one.Length * Messages];
        for (var i = 0; i < Messages; i++)
        {
            one.CopyTo(all, i * one.Length);
        }

        _buffer = Segmented ? BenchSegments.Chunk(all, 4096) : new ReadOnlySequence<byte>(all);
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public int ReadAll()
    {
        var buffer = _buffer;
        var count = 0;
        while (true)
        {
            var result = MspReader.Read(buffer);
            if (result.Status != ReadStatus.Complete)
            {
                break;
            }

            count++;
            buffer = buffer.Slice(result.Consumed);
        }

        return count == Messages ? count : throw new InvalidOperationException("parse failed after " + count);
    }
}
