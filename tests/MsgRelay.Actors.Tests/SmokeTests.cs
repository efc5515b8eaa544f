namespace MsgRelay.Actors.Tests;

public class SmokeTests
{
    [Fact]
    public void Assembly_loads() => Assert.Equal("MsgRelay.Actors", typeof(SmokeTests).Namespace![..^6]);
}
