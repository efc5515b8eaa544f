namespace MsgRelay.Hocon.Tests;

public class RobustnessTests
{
    private const string Document = """"
        # every construct once
        a { b = 1, "c.d" = [1, 2, { e = ${?x} }] }
        s = "esc \" \u00e9" """triple
        quote""" unquoted 1.5s
        p = ${a.b} ${a.b}
        p += 3
        l = [${a.b}] [4]
        include "nothere.conf"
        o = { x = 1 } { y = 2 }
        // done
        """";

    [Fact]
    public void Every_prefix_of_a_document_parses_or_fails_with_a_hocon_exception()
    {
        for (int length = 0; length <= Document.Length; length++)
        {
            var prefix = Document[..length];
            try
            {
                ConfigFactory.ParseString(prefix).Resolve(ConfigResolveOptions.NoEnvironment).ToJson();
            }
            catch (HoconException e)
            {
                Assert.StartsWith("<string>", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_single_character_deletion_parses_or_fails_with_a_hocon_exception()
    {
        for (int at = 0; at < Document.Length; at++)
        {
            var mutated = Document.Remove(at, 1);
            try
            {
                ConfigFactory.ParseString(mutated).Resolve(ConfigResolveOptions.NoEnvironment).ToJson();
            }
            catch (HoconException e)
            {
                Assert.StartsWith("<string>", e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Full_document_resolves_to_the_expected_value() =>
        Assert.Equal("""{"a":{"b":1,"c.d":[1,2,{}]},"s":"esc \" é triple\nquote unquoted 1.5s","p":"1 1","l":[1,4],"o":{"x":1,"y":2}}""",
            Hocon.Json(Document.Replace("p += 3\n", "", StringComparison.Ordinal)));
}
