using System.Security.Cryptography;
using System.Text;
using MsgRelay.Hocon;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

public sealed class RelaySettingsTests
{
    private static RelaySettings Parse(string hocon) => RelaySettings.FromConfig(ConfigFactory.ParseString(hocon));

    [Fact]
    public void Defaults_come_from_the_reference_conf()
    {
        var settings = Parse("");

        Assert.Equal(TimeSpan.FromSeconds(5), settings.Delivery.AckTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.Delivery.DuplicateWindow);
        Assert.Equal(100, settings.NumberOfShards);
        Assert.Equal(5, settings.Auth.MaxFailuresPerMinute);
        Assert.False(settings.Auth.HasUserList);
        Assert.True(settings.Delivery.MayBroadcast("127.0.0.1"));
        Assert.True(settings.Delivery.MayBroadcast("::ffff:127.0.0.1"));
        Assert.False(settings.Delivery.MayBroadcast("192.0.2.1"));
    }

    [Fact]
    public void User_keys_are_read_as_a_map()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes("s3cret")));
        var settings = Parse($"msgrelay.auth.users {{ Alice {{ key-sha256 = \"{hash}\" }} }}");

        Assert.True(settings.Auth.HasUserList);
        Assert.True(settings.Auth.IsListed("alice"));
        Assert.False(settings.Auth.IsListed("bob"));
    }

    [Theory]
    [InlineData("msgrelay.delivery.broadcast-from = [\"10.0.0.0/33\"]", "msgrelay.delivery.broadcast-from[0]")]
    [InlineData("msgrelay.delivery.ack-timeout = 0s", "msgrelay.delivery.ack-timeout")]
    [InlineData("msgrelay.auth.users.bob.key-sha256 = \"abc\"", "msgrelay.auth.users.bob.key-sha256")]
    [InlineData("msgrelay.auth.max-failures-per-minute = 0", "msgrelay.auth.max-failures-per-minute")]
    [InlineData("msgrelay.cluster.number-of-shards = 0", "msgrelay.cluster.number-of-shards")]
    public void Bad_values_name_the_full_key_path(string hocon, string path)
    {
        var error = Assert.Throws<HoconException>(() => Parse(hocon));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Missing_key_sha256_names_the_full_key_path()
    {
        var error = Assert.Throws<HoconException>(() => Parse("msgrelay.auth.users.bob { }"));
        Assert.Contains("msgrelay.auth.users", error.Message);
        Assert.Contains("key-sha256", error.Message);
    }

    [Fact]
    public void Broadcast_networks_match_by_cidr()
    {
        var settings = Parse("msgrelay.delivery.broadcast-from = [\"10.1.0.0/16\", \"2001:db8::/32\"]");

        Assert.True(settings.Delivery.MayBroadcast("10.1.200.3"));
        Assert.False(settings.Delivery.MayBroadcast("10.2.0.1"));
        Assert.True(settings.Delivery.MayBroadcast("2001:db8::42"));
        Assert.False(settings.Delivery.MayBroadcast("not-an-address"));
        Assert.False(settings.Delivery.MayBroadcast(null));
    }
}
