namespace MsgRelay.Hocon.Tests;

public class RenderingTests
{
    private const string Source = "a { b = 1.50, c = [1, \"two\", { d = null }], \"e.f\" = true, g = \"q\\\"uote\\n\" }\nempty {}\nlist = []";

    [Fact]
    public void Json_keeps_numbers_as_written_and_escapes_strings() =>
        Assert.Equal("""{"a":{"b":1.50,"c":[1,"two",{"d":null}],"e.f":true,"g":"q\"uote\n"},"empty":{},"list":[]}""", Hocon.Json(Source));

    [Fact]
    public void Indented_json_uses_two_spaces() =>
        Assert.Equal("{\n  \"a\": {\n    \"b\": [\n      1\n    ]\n  }\n}", Hocon.Resolve("a.b = [1]").ToJson());

    [Fact]
    public void Json_of_an_unresolved_config_is_refused() =>
        Assert.Equal("<string>:1:5: cannot render an unresolved substitution as JSON (call Resolve() first)",
            Assert.Throws<HoconException>(() => ConfigFactory.ParseString("a = ${b}").ToJson()).Message);

    [Fact]
    public void Rendered_hocon_parses_back_to_the_same_value()
    {
        var config = Hocon.Resolve(Source);
        Assert.Equal(config.ToJson(false), Hocon.Json(config.Render()));
        Assert.Equal(config.ToJson(false), Hocon.Json(config.Render(originComments: true)));
    }

    [Fact]
    public void Rendered_hocon_can_name_where_each_field_was_set()
    {
        var rendered = Hocon.Resolve("a {\n  b = 1\n}", "app.conf").Render(originComments: true);
        Assert.Equal("# app.conf:1\na {\n  # app.conf:2\n  b = 1\n}\n", rendered);
    }

    [Fact]
    public void Leading_zero_numbers_render_as_valid_json() =>
        Assert.Equal("""{"a":7,"b":"007 x"}""", Hocon.Json("a = 007\nb = 007 x"));
}
