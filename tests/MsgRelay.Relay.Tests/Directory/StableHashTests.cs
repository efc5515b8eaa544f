using MsgRelay.Relay.Directory;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    public void Fnv1a_matches_the_published_test_vectors(string text, uint expected) => Assert.Equal(expected, StableHash.Fnv1a(text));

    [Fact]
    public void Shard_of_a_name_is_fixed_across_runs()
    {
        // 0xbf9cf968 = 3214735720; mod 100 = 20, mod 7 = 0.
        Assert.Equal("20", StableHash.ShardOf("foobar", 100));
        Assert.Equal("0", StableHash.ShardOf("foobar", 7));
    }

    [Fact]
    public void Non_ascii_names_hash_their_utf8_bytes()
    {
        // "é" is C3 A9 in UTF-8: ((0x811c9dc5 ^ 0xC3) * p ^ 0xA9) * p, computed independently.
        var expected = unchecked(((0x811c9dc5u ^ 0xC3u) * 16777619u ^ 0xA9u) * 16777619u);
        Assert.Equal(expected, StableHash.Fnv1a("é"));
    }

    [Fact]
    public void Long_names_beyond_the_stack_buffer_hash_like_short_ones()
    {
        var name = new string('x', 1000);
        var expected = 0x811c9dc5u;
        foreach (var c in name)
        {
            expected = unchecked((expected ^ c) * 16777619u);
        }

        Assert.Equal(expected, StableHash.Fnv1a(name));
    }
}
