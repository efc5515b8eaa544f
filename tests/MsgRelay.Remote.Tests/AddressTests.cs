namespace MsgRelay.Remote.Tests;

public class AddressTests
{
    [Fact]
    public void Full_path_parses_into_address_and_local_path()
    {
        Assert.True(Address.TryParse("msgrelay://site-a@10.0.0.5:2552/user/directory", out var address, out var path));
        Assert.Equal(new Address("site-a", "10.0.0.5", 2552), address);
        Assert.Equal("/user/directory", path);
        Assert.Equal("msgrelay://site-a@10.0.0.5:2552", address.ToString());
    }

    [Theory]
    [InlineData("msgrelay://sys/user/a")]
    [InlineData("akka://sys@h:1/user")]
    [InlineData("msgrelay://sys@h:99999")]
    [InlineData("msgrelay://@h:1")]
    public void Paths_without_a_full_address_are_rejected(string text)
    {
        Assert.False(Address.TryParse(text, out _, out _));
    }

    [Fact]
    public void Addresses_order_by_host_then_port()
    {
        var sorted = new[] { new Address("s", "b", 1), new Address("s", "a", 3), new Address("s", "a", 2) }.Order().ToList();
        Assert.Equal([new Address("s", "a", 2), new Address("s", "a", 3), new Address("s", "b", 1)], sorted);
    }

    [Fact]
    public void Seed_entry_host_port_becomes_an_address_of_the_system()
    {
        Assert.Equal(new Address("relay", "node-a", 2552), Address.FromHostPort("relay", "node-a:2552"));
        Assert.Throws<FormatException>(() => Address.FromHostPort("relay", "node-a"));
    }

    [Fact]
    public void Actor_path_with_a_host_prints_and_compares_with_its_address()
    {
        var remote = MsgRelay.Actors.ActorPath.CreateRoot("test", "10.0.0.2", 2552) / "user" / "echo";
        var local = MsgRelay.Actors.ActorPath.CreateRoot("test") / "user" / "echo";
        Assert.Equal("msgrelay://test@10.0.0.2:2552/user/echo", remote.ToString());
        Assert.Equal("/user/echo", remote.ToStringWithoutAddress());
        Assert.NotEqual(local, remote);
        Assert.Equal(remote, MsgRelay.Actors.ActorPath.CreateRoot("test", "10.0.0.2", 2552) / "user" / "echo");
        Assert.Equal("msgrelay://test/user/echo", local.ToString());
    }
}
