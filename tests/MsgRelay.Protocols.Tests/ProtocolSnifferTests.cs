using System.Buffers;

namespace MsgRelay.Protocols.Tests;

public class ProtocolSnifferTests
{
    [Theory]
    [InlineData("Bchris\0\0Hi\0sandy\0console\0c\0\0", WireProtocol.Msp)]
    [InlineData("Abob\0\0hi\0", WireProtocol.Msp)]
    [InlineData("A\0", WireProtocol.Msp)]
    [InlineData("FROM alice\nTO bob\nDATA\nhi\n.\nSEND\n", WireProtocol.Rwp)]
    [InlineData("BYE\n", WireProtocol.Rwp)]
    [InlineData("Bchris", WireProtocol.Rwp)]
    [InlineData("bchris\0", WireProtocol.Rwp)]
    [InlineData("C\0\0\0", WireProtocol.Rwp)]
    [InlineData("", WireProtocol.Rwp)]
    public void Datagram_is_MSP_only_when_it_starts_with_A_or_B_and_holds_a_NUL(string datagram, WireProtocol expected)
    {
        Assert.Equal(expected, ProtocolSniffer.ClassifyDatagram(Bytes.Of(datagram)));
    }

    [Theory]
    [InlineData("", WireProtocol.Undecided)]
    [InlineData("B", WireProtocol.Undecided)]
    [InlineData("Bchris", WireProtocol.Undecided)]
    [InlineData("Bchris\0", WireProtocol.Msp)]
    [InlineData("A\0", WireProtocol.Msp)]
    [InlineData("BYE\n", WireProtocol.Rwp)]
    [InlineData("BYE\r", WireProtocol.Rwp)]
    [InlineData("HELO x\n", WireProtocol.Rwp)]
    [InlineData("H", WireProtocol.Rwp)]
    [InlineData("a\0", WireProtocol.Rwp)]
    public void Stream_sniff_decides_from_the_first_bytes_or_waits(string firstBytes, WireProtocol expected)
    {
        Assert.Equal(expected, ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(Bytes.Of(firstBytes))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("B")]
    [InlineData("Bchris")]
    public void Stream_still_undecided_when_the_window_closes_is_RWP(string firstBytes)
    {
        Assert.Equal(WireProtocol.Rwp, ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(Bytes.Of(firstBytes)), windowClosed: true));
    }

    [Fact]
    public void Stream_sniff_gives_the_same_answer_for_every_split()
    {
        var msp = Bytes.Of("Bchris\0\0Hi\0");
        var rwp = Bytes.Of("BYE\n");
        foreach (var sequence in Segments.AllThreeWaySplits(msp))
        {
            Assert.Equal(WireProtocol.Msp, ProtocolSniffer.SniffStream(sequence));
        }

        foreach (var sequence in Segments.AllThreeWaySplits(rwp))
        {
            Assert.Equal(WireProtocol.Rwp, ProtocolSniffer.SniffStream(sequence));
        }
    }

    [Fact]
    public void Stream_of_511_octets_without_NUL_or_line_break_is_RWP()
    {
        var junk = Bytes.Of("B" + new string('x', 511));

        Assert.Equal(WireProtocol.Undecided, ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(junk, 0, 511)));
        Assert.Equal(WireProtocol.Rwp, ProtocolSniffer.SniffStream(new ReadOnlySequence<byte>(junk)));
    }
}
