using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using MsgRelay.Protocols;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Benchmarks.Protocols;

/// <summary>
/// RWP session throughput: the reference rwrite's whole dialogue (TO, FROM, FHST, VRFY, DATA
/// with a quoted three-line body, SEND, BYE) through the line reader and the session, effects
/// answered as the connection actor would. One operation is one session.
/// </summary>
[MemoryDiagnoser]
public class RwpSessionBenchmarks
{
    private static readonly RwpSessionSettings Settings = new() { LocalHost = "relay.example" };

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private ReadOnlySequence<byte> _dialogue;

    [GlobalSetup]
    public void Setup()
    {
        var text = "TO bob tty3\nFROM alice\nFHST a.example\nVRFY\nDATA\n"
            + "Hi bob,\nlunch at 12=3A30 in the caf=E9=3F\n=2E\n.\nSEND\nBYE\n";
        _dialogue = new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(text));
    }

    [Benchmark]
    public int Session()
    {
        _output.Clear();
        var session = new RwpSession(Settings, "192.0.2.1");
        var lines = new RwpLineReader(Settings.MaxLineLength);
        session.WriteGreeting(_output);
        var buffer = _dialogue;
        var sends = 0;
        while (true)
        {
            var line = lines.Read(buffer);
            buffer = buffer.Slice(line.Consumed);
            if (line.Status == ReadStatus.Incomplete)
            {
                break;
            }

            var step = line.IsTooLong ? session.OnLineTooLong(_output) : session.OnLine(line.Line!, _output);
            switch (step.Effect)
            {
                case RwpEffect.Verify:
                    RwpResponseWriter.WriteWithReady(_output, RwpReplies.RecipientOkToSend);
                    break;
                case RwpEffect.Send:
                    sends++;
                    RwpResponseWriter.WriteWithReady(_output, RwpReplies.Delivered);
                    break;
            }
        }

        return sends == 1 && session.State == RwpSessionState.Closed ? _output.WrittenCount : throw new InvalidOperationException("dialogue failed");
    }
}
