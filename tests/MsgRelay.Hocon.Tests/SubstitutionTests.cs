namespace MsgRelay.Hocon.Tests;

public class SubstitutionTests
{
    [Fact]
    public void Substitution_keeps_the_type_of_the_value_it_names() =>
        Assert.Equal("""{"a":{"b":[1,2]},"c":[1,2],"d":{"b":[1,2]}}""", Hocon.Json("a.b = [1, 2]\nc = ${a.b}\nd = ${a}"));

    [Fact]
    public void Substitution_looks_forward_to_the_final_value() =>
        Assert.Equal("""{"b":2,"a":2}""", Hocon.Json("b = ${a}\na = 1\na = 2"));

    [Fact]
    public void Substitution_in_a_concatenation_becomes_text() =>
        Assert.Equal("port 8080 on localhost", Hocon.Resolve("p = 8080\nh = localhost\ns = port ${p} on ${h}").GetString("s"));

    [Fact]
    public void Quoted_path_elements_in_substitutions_are_single_keys() =>
        Assert.Equal("""{"a.b":1,"x":1}""", Hocon.Json("\"a.b\" = 1\nx = ${\"a.b\"}"));

    [Fact]
    public void Undefined_optional_substitution_removes_the_field_and_keeps_an_earlier_value() =>
        Assert.Equal("""{"a":"keep"}""", Hocon.Json("a = keep\na = ${?nope}\nb = ${?nope}"));

    [Fact]
    public void Undefined_optional_substitution_is_dropped_from_lists_and_empty_in_strings() =>
        Assert.Equal("""{"l":[1],"s":"/modules"}""", Hocon.Json("l = [${?x}, 1]\ns = ${?x}/modules"));

    [Fact]
    public void Self_reference_appends_to_the_earlier_value() =>
        Assert.Equal("/usr/bin:/bin:/opt/bin", Hocon.Resolve("path = \"/usr/bin\"\npath = ${path}\":/bin\"\npath = ${path}\":/opt/bin\"").GetString("path"));

    [Fact]
    public void Self_reference_to_an_object_merges_with_the_earlier_object() =>
        Assert.Equal("""{"foo":{"a":1,"b":2}}""", Hocon.Json("foo { a = 1 }\nfoo = ${foo} { b = 2 }"));

    [Fact]
    public void Self_reference_into_a_path_looks_below_the_current_definition() =>
        Assert.Equal("""{"foo":{"a":2,"c":1}}""", Hocon.Json("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }"));

    [Fact]
    public void Optional_self_reference_with_no_earlier_value_is_undefined() =>
        Assert.Equal("""{"a":"foo"}""", Hocon.Json("a = ${?a}foo\nb = ${?b}"));

    [Fact]
    public void Objects_may_refer_to_fields_inside_themselves() =>
        Assert.Equal("""{"bar":{"foo":43,"baz":43}}""", Hocon.Json("bar : { foo : 42, baz : ${bar.foo} }\nbar : { foo : 43 }"));

    [Fact]
    public void Mutually_referring_objects_look_forward() =>
        Assert.Equal("""{"bar":{"a":4,"b":3},"foo":{"c":3,"d":4}}""", Hocon.Json("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4"));

    [Fact]
    public void A_hidden_substitution_is_never_evaluated() =>
        Assert.Equal("""{"foo":42}""", Hocon.Json("foo : ${does-not-exist}\nfoo : 42"));

    [Fact]
    public void Environment_variable_fills_a_path_missing_from_the_config() =>
        Assert.Equal("/home/me", ConfigFactory.ParseString("home = ${HOME}")
            .Resolve(ConfigResolveOptions.WithEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/me" })).GetString("home"));

    [Fact]
    public void Environment_fallback_can_be_switched_off() =>
        Assert.Equal("""{}""", ConfigFactory.ParseString("home = ${?HOME}")
            .Resolve(ConfigResolveOptions.NoEnvironment with { Environment = _ => "ignored" }).ToJson(false));

    [Fact]
    public void A_null_in_the_config_hides_the_environment_variable() =>
        Assert.Equal("""{"HOME":null,"h":null}""", ConfigFactory.ParseString("HOME = null\nh = ${HOME}")
            .Resolve(ConfigResolveOptions.WithEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/me" })).ToJson(false));

    [Fact]
    public void Missing_required_substitution_inside_a_concatenation_names_the_path() =>
        Assert.Equal("app.conf:2:14: could not resolve substitution ${msgrelay.port}: no setting at 'msgrelay.port'",
            Hocon.Error("a = 1\nlisten = \"*:\"${msgrelay.port}", "app.conf").Message);

    [Fact]
    public void Missing_required_substitution_error_points_at_the_dollar_sign()
    {
        var error = Hocon.Error("a = 1\nb = ${x.y}", "app.conf");
        Assert.Equal("app.conf:2:5: could not resolve substitution ${x.y}: no setting at 'x.y'", error.Message);
        Assert.Equal(new HoconOrigin("app.conf", 2, 5), error.Origin);
    }

    [Fact]
    public void Cycle_is_reported_with_every_link() =>
        Assert.Equal("<string>:1:5: substitution cycle: ${b} (<string>:1:5) -> ${c} (<string>:2:5) -> ${a} (<string>:3:5) -> ${b}",
            Hocon.Error("a : ${b}\nb : ${c}\nc : ${a}").Message);

    [Fact]
    public void Self_reference_without_an_earlier_value_is_an_error() =>
        Assert.Equal("<string>:1:7: could not resolve substitution ${foo}: it refers to itself (or to an object containing it) and there is no earlier value of 'foo' to look back to",
            Hocon.Error("foo : ${foo}").Message);

    [Fact]
    public void Getters_refuse_an_unresolved_config()
    {
        var unresolved = ConfigFactory.ParseString("a = ${b}\nb = 1");
        Assert.False(unresolved.IsResolved);
        Assert.Equal("<string>:1:5: a: not resolved yet (call Resolve() before reading values)", Assert.Throws<HoconException>(() => unresolved.GetInt("a")).Message);
        Assert.Equal(1, unresolved.Resolve(ConfigResolveOptions.NoEnvironment).GetInt("a"));
    }
}
