using System.Text;
using MsgRelay.Node.Clients;

namespace MsgRelay.Node.Tests;

public class MspSenderTests
{
    [Theory]
    [InlineData("+\0", 0)]
    [InlineData("100 Ready.\n+\0", 11)]
    [InlineData("500 Hello.\n100 Ready.\n-no\0", 22)]
    [InlineData("100 Rea", 0)]
    public void Rwp_greeting_lines_before_an_msp_reply_are_skipped(string received, int expected) =>
        Assert.Equal(expected, MspSender.GreetingLength(Encoding.Latin1.GetBytes(received)));
}
