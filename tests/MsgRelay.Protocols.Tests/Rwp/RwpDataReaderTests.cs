using MsgRelay.Protocols.Rwp;

namespace MsgRelay.Protocols.Tests.Rwp;

public class RwpDataReaderTests
{
    [Fact]
    public void Exactly_max_lines_is_complete_one_more_is_too_many()
    {
        Assert.Equal(RwpDataStatus.Complete, Feed(new RwpDataReader(3, 1000), "a", "b", "c", "."));
        Assert.Equal(RwpDataStatus.TooManyLines, Feed(new RwpDataReader(3, 1000), "a", "b", "c", "d", "."));
    }

    [Fact]
    public void Exactly_max_bytes_counting_CRLF_separators_is_complete_one_more_is_too_many()
    {
        // "abc" + CR LF + "de" = 7 octets.
        Assert.Equal(RwpDataStatus.Complete, Feed(new RwpDataReader(10, 7), "abc", "de", "."));
        Assert.Equal(RwpDataStatus.TooManyBytes, Feed(new RwpDataReader(10, 7), "abc", "def", "."));
    }

    [Fact]
    public void Bytes_are_counted_after_decoding()
    {
        var reader = new RwpDataReader(10, 3);

        Assert.Equal(RwpDataStatus.Complete, Feed(reader, "=41=42=43", "."));
        Assert.Equal("ABC", reader.Body);
    }

    [Fact]
    public void Lines_are_collecting_until_the_lone_dot()
    {
        var reader = new RwpDataReader(10, 100);

        Assert.Equal(RwpDataStatus.Collecting, reader.Add("hello"));
        Assert.Equal(RwpDataStatus.Collecting, reader.Add(". "));
        Assert.Equal(RwpDataStatus.Collecting, reader.Add("=2E"));
        Assert.Equal(RwpDataStatus.Complete, reader.Add("."));
        Assert.Equal("hello\r\n. \r\n.", reader.Body);
    }

    [Fact]
    public void No_text_before_the_dot_is_empty()
    {
        Assert.Equal(RwpDataStatus.Empty, Feed(new RwpDataReader(10, 100), "."));
        Assert.Equal(RwpDataStatus.Empty, Feed(new RwpDataReader(10, 100), "", "."));
        Assert.Equal(RwpDataStatus.Complete, Feed(new RwpDataReader(10, 100), "", "", "."));
    }

    [Fact]
    public void A_too_long_line_makes_the_body_too_large()
    {
        var reader = new RwpDataReader(10, 100);
        reader.Add("ok");
        reader.AddTooLongLine();

        Assert.Equal(RwpDataStatus.TooManyBytes, Feed(reader, "more", "."));
    }

    private static RwpDataStatus Feed(RwpDataReader reader, params string[] lines)
    {
        var status = RwpDataStatus.Collecting;
        foreach (var line in lines)
        {
            status = reader.Add(line);
        }

        return status;
    }
}
