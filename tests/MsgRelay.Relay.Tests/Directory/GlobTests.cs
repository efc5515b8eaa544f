using MsgRelay.Relay.Directory;
using MsgRelay.Relay.Routing;
using Xunit;

namespace MsgRelay.Relay.Tests.Directory;

public sealed class GlobTests
{
    [Theory]
    [InlineData("alice", "alice", true)]
    [InlineData("alice", "ALICE", true)]
    [InlineData("alice", "alicia", false)]
    [InlineData("al*", "alice", true)]
    [InlineData("*ce", "alice", true)]
    [InlineData("a?ice", "alice", true)]
    [InlineData("a?ice", "aice", false)]
    [InlineData("*", "", true)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*.example.org", "host.example.org", true)]
    [InlineData("*.example.org", "example.org", false)]
    public void Glob_matches_whole_text_case_insensitively(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, text));

    [Fact]
    public void Pathological_pattern_finishes_quickly_and_does_not_match()
    {
        var pattern = string.Concat(Enumerable.Repeat("a*", 30)) + "b";
        Assert.False(Glob.IsMatch(pattern, new string('a', 200)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("@host")]
    [InlineData("user@")]
    [InlineData("a@b@c")]
    public void Malformed_filter_is_rejected(string text) => Assert.False(SenderFilter.TryParse(false, text, out _));

    [Fact]
    public void Filter_without_host_matches_the_user_from_any_host()
    {
        Assert.True(SenderFilter.TryParse(false, "mallory", out var filter));
        Assert.True(filter!.Matches(new Sender("Mallory", "10.1.1.1")));
        Assert.False(filter.Matches(new Sender("alice", "10.1.1.1")));
    }

    [Fact]
    public void Filter_with_host_matches_only_that_host()
    {
        Assert.True(SenderFilter.TryParse(false, "*@*.evil.example", out var filter));
        Assert.True(filter!.Matches(new Sender("anyone", "box.evil.example")));
        Assert.False(filter.Matches(new Sender("anyone", "good.example")));
    }

    [Fact]
    public void Last_matching_rule_decides_and_no_rule_admits()
    {
        var alice = new Sender("alice", "h");
        var bob = new Sender("bob", "h");
        SenderFilter[] rules = [new(false, "*", null), new(true, "alice", null)];

        Assert.True(SenderFilter.Admits(rules, alice));
        Assert.False(SenderFilter.Admits(rules, bob));
        Assert.True(SenderFilter.Admits([], bob));
        Assert.False(SenderFilter.Admits([new(true, "alice", null), new(false, "*", null)], alice));
    }
}
