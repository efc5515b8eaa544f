namespace MsgRelay.Hocon.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.Equal("MsgRelay.Hocon", typeof(SmokeTests).Namespace![..^6]);
}
