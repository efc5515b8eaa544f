namespace MsgRelay.Hocon.Tests;

public sealed class IncludeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Config ParseResolved(string file) =>
        ConfigFactory.ParseFile(Path.Combine(_folder.Path, file)).Resolve(ConfigResolveOptions.NoEnvironment);

    [Fact]
    public void Include_merges_the_file_in_place_so_later_fields_win()
    {
        _folder.Write("base.conf", "a = 1\nb = 1");
        _folder.Write("app.conf", "a = 0\ninclude \"base.conf\"\nb = 2");
        Assert.Equal("""{"a":1,"b":2}""", ParseResolved("app.conf").ToJson(false));
    }

    [Fact]
    public void Heuristic_include_is_relative_to_the_including_file_and_nests()
    {
        _folder.Write("conf/app.conf", "include \"sub/one.conf\"");
        _folder.Write("conf/sub/one.conf", "one = 1\ninclude \"two.conf\"");
        _folder.Write("conf/sub/two.conf", "two = 2");
        Assert.Equal("""{"one":1,"two":2}""", ParseResolved("conf/app.conf").ToJson(false));
    }

    [Fact]
    public void Include_inside_an_object_re_roots_substitutions_then_falls_back_to_the_root()
    {
        _folder.Write("part.conf", "x = 10\ny = ${x}\nz = ${top}");
        _folder.Write("app.conf", "top = T\na { include \"part.conf\" }\na { x = 42 }");
        Assert.Equal("""{"top":"T","a":{"x":42,"y":42,"z":"T"}}""", ParseResolved("app.conf").ToJson(false));
    }

    [Fact]
    public void Plus_equals_in_an_included_file_appends_to_its_own_field_only()
    {
        _folder.Write("part.conf", "list += x");
        _folder.Write("app.conf", "list = [root]\na { include \"part.conf\" }\nb { list = [b] \n include \"part.conf\" }");
        Assert.Equal("""{"list":["root"],"a":{"list":["x"]},"b":{"list":["b","x"]}}""", ParseResolved("app.conf").ToJson(false));
    }

    [Fact]
    public void Missing_optional_include_is_ignored_and_missing_required_include_fails()
    {
        _folder.Write("app.conf", "include \"nothere.conf\"\na = 1");
        Assert.Equal("""{"a":1}""", ParseResolved("app.conf").ToJson(false));

        var path = _folder.Write("strict.conf", "a = 1\ninclude required(\"nothere.conf\")");
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(path));
        Assert.StartsWith($"{path}:2:1: required include \"nothere.conf\" not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Required_file_include_is_relative_to_the_working_directory()
    {
        // file() follows the reference implementation (and HOCON.md "at present"): the working directory.
        var target = _folder.Write("abs.conf", "abs = 1");
        _folder.Write("app.conf", $"include required(file(\"{target}\"))");
        Assert.Equal("""{"abs":1}""", ParseResolved("app.conf").ToJson(false));
    }

    [Fact]
    public void Extensionless_include_merges_properties_then_json_then_conf()
    {
        _folder.Write("c.properties", "p=prop\nshared=prop");
        _folder.Write("c.json", """{ "j": 1, "shared": "json" }""");
        _folder.Write("c.conf", "c = 1\nshared = conf");
        _folder.Write("app.conf", "include \"c\"");
        Assert.Equal("""{"p":"prop","shared":"conf","j":1,"c":1}""", ParseResolved("app.conf").ToJson(false));
    }

    [Fact]
    public void Include_cycle_is_detected_and_named()
    {
        _folder.Write("a.conf", "include \"b.conf\"");
        var b = _folder.Write("b.conf", "x = 1\ninclude \"a.conf\"");
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(Path.Combine(_folder.Path, "a.conf")));
        Assert.Equal($"{b}:2:1: include cycle: a.conf -> b.conf -> a.conf", error.Message);
    }

    [Fact]
    public void Url_and_classpath_includes_are_rejected_clearly()
    {
        Assert.Equal("<string>:1:1: include of a URL (\"http://example.com/x.conf\") is not supported by MsgRelay; copy the file locally and include it by name",
            Assert.Throws<HoconException>(() => ConfigFactory.ParseString("include url(\"http://example.com/x.conf\")")).Message);
        Assert.Contains("classpath(\"x.conf\") is not supported", Assert.Throws<HoconException>(() => ConfigFactory.ParseString("include classpath(\"x.conf\")")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Included_file_must_hold_an_object()
    {
        _folder.Write("list.conf", "[1, 2]");
        var path = _folder.Write("app.conf", "include \"list.conf\"");
        Assert.Contains("the root of a configuration must be an object", Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_include_is_rejected() =>
        Assert.Equal("<string>:1:1: malformed include: expected include \"name\", include file(\"name\") or include required(...), with balanced parentheses",
            Assert.Throws<HoconException>(() => ConfigFactory.ParseString("include required(\"x.conf\"")).Message);

    [Fact]
    public void Parsed_strings_include_from_the_base_directory_option()
    {
        _folder.Write("lib.conf", "lib = 1");
        var config = ConfigFactory.ParseString("include \"lib.conf\"", "<cli>", new ConfigParseOptions { BaseDirectory = _folder.Path });
        Assert.Equal(1, config.Resolve().GetInt("lib"));
    }

    [Fact]
    public void Missing_file_fails_unless_allowed()
    {
        var path = Path.Combine(_folder.Path, "none.conf");
        Assert.Equal($"{path}: configuration file not found", Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(path)).Message);
        Assert.True(ConfigFactory.ParseFile(path, new ConfigParseOptions { AllowMissing = true }).IsEmpty);
    }
}
