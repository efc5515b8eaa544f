namespace MsgRelay.Hocon.Tests;

public class LayeringTests
{
    [Fact]
    public void With_fallback_keeps_this_config_and_merges_objects()
    {
        var app = ConfigFactory.ParseString("a { x = 1 }\nb = app");
        var reference = ConfigFactory.ParseString("a { x = 0, y = 2 }\nb = ref\nc = 3");
        Assert.Equal("""{"a":{"x":1,"y":2},"b":"app","c":3}""", app.WithFallback(reference).Resolve(ConfigResolveOptions.NoEnvironment).ToJson(false));
    }

    [Fact]
    public void A_plain_value_hides_a_fallback_object() =>
        Assert.Equal("""{"a":5}""", ConfigFactory.ParseString("a = 5").WithFallback(ConfigFactory.ParseString("a { x = 1 }")).Resolve().ToJson(false));

    [Fact]
    public void Substitutions_resolve_against_the_layered_tree()
    {
        var reference = ConfigFactory.ParseString("msgrelay { port = 4000, url = \"tcp://*:\"${msgrelay.port} }");
        var app = ConfigFactory.ParseString("msgrelay.port = 5000");
        Assert.Equal("tcp://*:5000", app.WithFallback(reference).Resolve().GetString("msgrelay.url"));
    }

    [Fact]
    public void Self_reference_in_an_upper_layer_sees_the_lower_layer()
    {
        var reference = ConfigFactory.ParseString("plugins = [core]");
        var app = ConfigFactory.ParseString("plugins += extra");
        Assert.Equal(["core", "extra"], app.WithFallback(reference).Resolve().GetStringList("plugins"));
    }

    [Fact]
    public void With_fallback_does_not_change_either_input()
    {
        var app = Hocon.Resolve("a { x = 1 }");
        var reference = Hocon.Resolve("a { y = 2 }");
        _ = app.WithFallback(reference);
        Assert.Equal("""{"a":{"x":1}}""", app.ToJson(false));
        Assert.Equal("""{"a":{"y":2}}""", reference.ToJson(false));
    }

    [Fact]
    public void Override_parses_the_value_as_hocon()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), ConfigFactory.ParseOverride("a.b=10s").Resolve().GetTimeSpan("a.b"));
        Assert.Equal([1, 2], ConfigFactory.ParseOverride("a.list=[1,2]").Resolve().GetIntList("a.list"));
        Assert.Equal("hello world", ConfigFactory.ParseOverride("a.s = hello world").Resolve().GetString("a.s"));
        Assert.Equal(10, ConfigFactory.ParseOverride("\"a.b\".c=10").Resolve().GetInt("\"a.b\".c"));
    }

    [Fact]
    public void Override_wins_over_the_application_config()
    {
        var app = ConfigFactory.ParseString("msgrelay { port = 4000, host = h }");
        var merged = ConfigFactory.ParseOverride("msgrelay.port=4001").WithFallback(app).Resolve();
        Assert.Equal(4001, merged.GetInt("msgrelay.port"));
        Assert.Equal("h", merged.GetString("msgrelay.host"));
    }

    [Theory]
    [InlineData("novalue")]
    [InlineData("=5")]
    public void Override_without_a_path_and_value_is_rejected(string assignment) =>
        Assert.Equal($"--set: override '{assignment}' must look like path=value", Assert.Throws<HoconException>(() => ConfigFactory.ParseOverride(assignment)).Message);

    [Fact]
    public void Override_with_an_unquoted_url_explains_quoting() =>
        Assert.EndsWith("(the value of an override is HOCON: quote strings that contain : = , # // { } [ ] or $)",
            Assert.Throws<HoconException>(() => ConfigFactory.ParseOverride("a.url=http://x")).Message, StringComparison.Ordinal);

    [Fact]
    public void Override_error_names_the_override() =>
        Assert.StartsWith("--set a=[1:1:5: ", Assert.Throws<HoconException>(() => ConfigFactory.ParseOverride("a=[1")).Message, StringComparison.Ordinal);

    [Fact]
    public void Embedded_reference_conf_is_loaded_from_each_assembly()
    {
        var config = ConfigFactory.FromEmbeddedReferences(typeof(LayeringTests).Assembly, typeof(Config).Assembly).Resolve();
        Assert.Equal("hello", config.GetString("msgrelay.test.reference.greeting"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("msgrelay.test.reference.timeout"));
        Assert.Equal("MsgRelay.Hocon.Tests/reference.conf:3", config.GetOrigin("msgrelay.test.reference.greeting")!.Value.FileAndLine);
    }
}
