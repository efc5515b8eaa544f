namespace MsgRelay.Protocols.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.Equal("MsgRelay.Protocols", typeof(SmokeTests).Namespace![..^6]);
}
