using System.Buffers;
using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpLineReaderTests
{
    [Fact]
    public void LF_and_CRLF_both_end_a_line_and_the_CR_is_dropped()
    {
        var lines = ReadAll(new RwpLineReader(), Bytes.Of("FROM alice\nTO bob\r\nDATA\n"));

        Assert.Equal(["FROM alice", "TO bob", "DATA"], lines);
    }

    [Fact]
    public void Every_proper_prefix_of_a_line_is_incomplete_and_consumes_nothing()
    {
        var data = Bytes.Of("TO bob pts/3\r\n");
        for (var length = 0; length < data.Length; length++)
        {
            var prefix = new ReadOnlySequence<byte>(data, 0, length);
            var result = new RwpLineReader().Read(prefix);

            Assert.Equal(ReadStatus.Incomplete, result.Status);
            Assert.Equal(0, prefix.Slice(0, result.Consumed).Length);
        }
    }

    [Fact]
    public void Every_two_and_three_segment_split_reads_the_same_lines()
    {
        var data = Bytes.Of("TO bob\nFROM alice\r\nDATA\n");
        foreach (var sequence in Segments.AllTwoWaySplits(data).Concat(Segments.AllThreeWaySplits(data)))
        {
            Assert.Equal(["TO bob", "FROM alice", "DATA"], ReadAll(new RwpLineReader(), sequence));
        }
    }

    [Fact]
    public void LF_only_lines_arriving_in_pieces_are_reassembled_as_a_pipe_would_feed_them()
    {
        // The reference rwrite writes a line in several writes; simulate the pipe's growing buffer.
        var reader = new RwpLineReader();
        var pending = Array.Empty<byte>();
        var lines = new List<string>();
        foreach (var piece in new[] { "TO", " bo", "b\nFR", "OM ali", "ce", "\n", "VRFY\nDA", "TA\n" })
        {
            pending = [.. pending, .. Bytes.Of(piece)];
            var buffer = new ReadOnlySequence<byte>(pending);
            for (var guard = 0; guard < 10; guard++)
            {
                var result = reader.Read(buffer);
                buffer = buffer.Slice(result.Consumed);
                if (result.Status != ReadStatus.Complete)
                {
                    break;
                }

                lines.Add(result.Line!);
            }

            pending = buffer.ToArray();
        }

        Assert.Equal(["TO bob", "FROM alice", "VRFY", "DATA"], lines);
        Assert.Empty(pending);
    }

    [Fact]
    public void Line_of_exactly_the_limit_is_accepted_with_LF_or_CRLF()
    {
        var line = new string('x', 16);

        Assert.Equal([line], ReadAll(new RwpLineReader(16), Bytes.Of(line + "\n")));
        Assert.Equal([line], ReadAll(new RwpLineReader(16), Bytes.Of(line + "\r\n")));
    }

    [Fact]
    public void Line_one_octet_over_the_limit_is_rejected_and_the_next_line_still_reads()
    {
        var reader = new RwpLineReader(16);
        var buffer = new ReadOnlySequence<byte>(Bytes.Of(new string('x', 17) + "\nQUIT\n"));

        var first = reader.Read(buffer);
        var second = reader.Read(buffer.Slice(first.Consumed));

        Assert.True(first.IsTooLong);
        Assert.Equal("QUIT", second.Line);
    }

    [Fact]
    public void Overlong_line_is_reported_once_without_waiting_for_its_end_then_skipped_to_its_LF()
    {
        var reader = new RwpLineReader(16);
        var start = new ReadOnlySequence<byte>(Bytes.Of(new string('x', 18)));

        var tooLong = reader.Read(start);
        var more = reader.Read(new ReadOnlySequence<byte>(Bytes.Of(new string('y', 500))));
        var end = reader.Read(new ReadOnlySequence<byte>(Bytes.Of("yyy\nHELP\n")));

        Assert.Equal(ReadStatus.Rejected, tooLong.Status);
        Assert.Equal(0, start.Slice(tooLong.Consumed).Length);
        Assert.Equal(ReadStatus.Incomplete, more.Status);
        Assert.False(more.IsTooLong);
        Assert.Equal(ReadStatus.Complete, end.Status);
        Assert.Equal("HELP", end.Line);
        Assert.False(reader.IsDiscarding);
    }

    [Fact]
    public void Overlong_line_split_across_segments_gives_one_rejection_then_the_following_lines()
    {
        var data = Bytes.Of(new string('z', 40) + "\nVER\nPROT\n");
        foreach (var sequence in Segments.AllTwoWaySplits(data))
        {
            var reader = new RwpLineReader(16);
            var outcomes = new List<string>();
            var buffer = sequence;
            for (var guard = 0; guard < 10 && !buffer.IsEmpty; guard++)
            {
                var result = reader.Read(buffer);
                buffer = buffer.Slice(result.Consumed);
                outcomes.Add(result.Status == ReadStatus.Complete ? result.Line! : result.Status.ToString());
            }

            Assert.Equal(["Rejected", "VER", "PROT"], outcomes);
        }
    }

    [Fact]
    public void Final_unterminated_line_of_a_datagram_counts_as_a_line()
    {
        var reader = new RwpLineReader();
        var buffer = new ReadOnlySequence<byte>(Bytes.Of("SEND\r\nBYE"));

        var first = reader.ReadFinal(buffer);
        var second = reader.ReadFinal(buffer.Slice(first.Consumed));
        var third = reader.ReadFinal(buffer.Slice(second.Consumed));

        Assert.Equal("SEND", first.Line);
        Assert.Equal("BYE", second.Line);
        Assert.Equal(ReadStatus.Incomplete, third.Status);
    }

    [Fact]
    public void Eight_bit_octets_in_a_line_decode_as_ISO_8859_1()
    {
        Assert.Equal(["FROM j\u00FCrgen"], ReadAll(new RwpLineReader(), Bytes.Of("FROM j\xFCrgen\n")));
    }

    private static List<string> ReadAll(RwpLineReader reader, byte[] data) => ReadAll(reader, new ReadOnlySequence<byte>(data));

    private static List<string> ReadAll(RwpLineReader reader, ReadOnlySequence<byte> buffer)
    {
        var lines = new List<string>();
        for (var guard = 0; guard < 100; guard++)
        {
            var result = reader.Read(buffer);
            buffer = buffer.Slice(result.Consumed);
            if (result.Status == ReadStatus.Incomplete)
            {
                break;
            }

            Assert.Equal(ReadStatus.Complete, result.Status);
            lines.Add(result.Line!);
        }

        Assert.True(buffer.IsEmpty, "all input is consumed");
        return lines;
    }
}
