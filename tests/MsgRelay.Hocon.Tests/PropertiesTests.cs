namespace MsgRelay.Hocon.Tests;

public sealed class PropertiesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Load(string properties)
    {
        var path = _folder.Write("p.properties", properties);
        return ConfigFactory.ParseFile(path).Resolve(ConfigResolveOptions.NoEnvironment).ToJson(false);
    }

    [Fact]
    public void Separators_are_equals_colon_or_whitespace_and_values_are_strings() =>
        Assert.Equal("""{"a":"1","b":"true","c":"x y","d":""}""", Load("a=1\nb : true\nc   x y\nd"));

    [Fact]
    public void Hash_and_bang_lines_are_comments() =>
        Assert.Equal("""{"a":"1"}""", Load("# comment\n  ! also\na=1"));

    [Fact]
    public void Backslash_continues_a_line_and_drops_the_next_lines_indent() =>
        Assert.Equal("""{"a":"one two three"}""", Load("a = one \\\n    two \\\n  three"));

    [Fact]
    public void Escapes_decode_in_keys_and_values() =>
        Assert.Equal("""{"k=x":"tab\there é :c"}""", Load("k\\=x = tab\\there \\u00e9 \\:c"));

    [Fact]
    public void Keys_split_on_dots_keeping_empty_elements() =>
        Assert.Equal("""{"a":{"":{"b":"1"}}}""", Load("a..b=1"));

    [Fact]
    public void Object_wins_when_a_key_is_both_leaf_and_parent() =>
        Assert.Equal("""{"a":{"b":"2","c":"3"}}""", Load("a=1\na.b=2\na.c=3\na=4"));
}
