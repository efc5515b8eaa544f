namespace MsgRelay.Hocon.Tests;

public class SyntaxTests
{
    [Fact]
    public void Hash_and_double_slash_comments_are_ignored_to_end_of_line() =>
        Assert.Equal("""{"a":1,"b":"x","c":"http://host"}""", Hocon.Json("# top\na = 1 // one\nb = x # ex\n// gone = 2\nc = \"http://host\" // url"));

    [Fact]
    public void Comment_markers_inside_quotes_are_text() =>
        Assert.Equal("""{"a":"# not // a comment"}""", Hocon.Json("a = \"# not // a comment\""));

    [Fact]
    public void Root_braces_are_optional_and_equivalent() =>
        Assert.Equal(Hocon.Json("{ a : 1, b { c : 2 } }"), Hocon.Json("a : 1\nb { c : 2 }"));

    [Fact]
    public void Equals_colon_and_omitted_separator_before_brace_are_equivalent() =>
        Assert.Equal("""{"a":{"x":1},"b":{"x":1},"c":{"x":1}}""", Hocon.Json("a = { x = 1 }\nb : { x : 1 }\nc { x = 1 }"));

    [Fact]
    public void Newlines_replace_commas_and_trailing_commas_are_allowed() =>
        Assert.Equal("""{"a":[1,2,3],"b":{"x":1,"y":2}}""", Hocon.Json("a = [\n1\n2,\n3,\n]\nb { x = 1\n y = 2, }"));

    [Fact]
    public void Double_comma_is_rejected() =>
        Assert.Equal("<string>:1:8: unexpected ',': expected a list element", Hocon.Error("a = [1,,2]").Message);

    [Fact]
    public void Quoted_strings_support_json_escapes_and_unicode() =>
        Assert.Equal("tab\there \"q\" \\ / \u00e9 \u2603\n", Hocon.Resolve("a = \"tab\\there \\\"q\\\" \\\\ \\/ \\u00e9 \\u2603\\n\"").GetString("a"));

    [Fact]
    public void Triple_quoted_strings_keep_newlines_and_backslashes() =>
        Assert.Equal("line1\n  line2 \\n \"q\"", Hocon.Resolve("a = \"\"\"line1\n  line2 \\n \"q\\\"\"\"\"").GetString("a").Replace("\\\"", "\"", StringComparison.Ordinal));

    [Fact]
    public void Extra_quotes_before_a_triple_quote_close_belong_to_the_string() =>
        Assert.Equal("hello\"\"", Hocon.Resolve("a = \"\"\"hello\"\"\"\"\"").GetString("a"));

    [Fact]
    public void Unquoted_strings_concatenate_with_inner_whitespace_and_trim_the_ends() =>
        Assert.Equal("null bar 42 baz true 3.14 hi", Hocon.Resolve("a =   null bar 42 \"baz\" true 3.14 hi   ").GetString("a"));

    [Fact]
    public void Numbers_keep_their_written_text_inside_concatenations() =>
        Assert.Equal("""{"a":"1.50 kg","b":1.50,"c":-7,"d":1e3}""", Hocon.Json("a = 1.50 kg\nb = 1.50\nc = -7\nd = 1e3"));

    [Fact]
    public void Literals_have_their_json_types_and_look_alikes_stay_strings() =>
        Assert.Equal("""{"t":true,"f":false,"n":null,"i":42,"d":3.5,"s":".33","q":"42","u":"10s","ip":"10.0.0.1"}""",
            Hocon.Json("t = true\nf = false\nn = null\ni = 42\nd = 3.5\ns = .33\nq = \"42\"\nu = 10s\nip = 10.0.0.1"));

    [Fact]
    public void Path_keys_create_nested_objects_that_merge() =>
        Assert.Equal("""{"a":{"b":{"c":1,"d":2}}}""", Hocon.Json("a.b.c = 1\na.b.d = 2"));

    [Fact]
    public void Quoted_key_with_dots_is_a_single_key() =>
        Assert.Equal("""{"a.b":{"c":1},"x":{"y.z":2}}""", Hocon.Json("\"a.b\".c = 1\nx.\"y.z\" = 2"));

    [Fact]
    public void Whitespace_inside_an_unquoted_key_is_kept() =>
        Assert.Equal("""{"foo bar":{"baz":1}}""", Hocon.Json("foo bar.baz = 1"));

    [Fact]
    public void Duplicate_keys_later_wins_for_values_and_merges_objects() =>
        Assert.Equal("""{"a":{"x":1,"y":3,"z":4},"b":2}""", Hocon.Json("a { x = 1, y = 2 }\nb = 1\na { y = 3, z = 4 }\nb = 2"));

    [Fact]
    public void A_value_hides_an_earlier_object_and_an_object_hides_an_earlier_value() =>
        Assert.Equal("""{"a":5,"b":{"y":2}}""", Hocon.Json("a { x = 1 }\na = 5\nb = 5\nb { y = 2 }"));

    [Fact]
    public void Arrays_and_objects_concatenate() =>
        Assert.Equal("""{"a":[1,2,3],"b":{"x":1,"y":2}}""", Hocon.Json("a = [1] [2, 3]\nb = { x = 1 } { y = 2 }"));

    [Fact]
    public void Concatenating_a_list_with_a_string_is_rejected() =>
        Assert.Equal("<string>:1:9: cannot concatenate \"foo\" with a list (only strings with strings, lists with lists, objects with objects)", Hocon.Error("a = [1] foo").Message);

    [Fact]
    public void Plus_equals_appends_to_a_list_and_starts_one_when_absent() =>
        Assert.Equal("""{"a":[1,2],"b":["x"]}""", Hocon.Json("a = [1]\na += 2\nb += x"));

    [Fact]
    public void A_utf8_byte_order_mark_is_whitespace() =>
        Assert.Equal("""{"foo":"bar"}""", Hocon.Json("\uFEFFfoo = bar"));

    [Fact]
    public void Json_documents_parse_as_hocon() =>
        Assert.Equal("""{"a":[1,{"b":null}],"c":"d"}""", Hocon.Json("""{"a":[1,{"b":null}],"c":"d"}"""));

    [Fact]
    public void Include_word_is_an_ordinary_key_or_value_elsewhere() =>
        Assert.Equal("""{"foo include":42,"v":"include","include":1}""", Hocon.Json("foo include : 42\nv = include\n\"include\" = 1"));

    [Fact]
    public void Empty_document_is_an_empty_object() =>
        Assert.True(Hocon.Resolve("  # nothing\n").IsEmpty);

    [Fact]
    public void Root_list_is_rejected() =>
        Assert.Equal("<string>:1:1: the root of a configuration must be an object, got a list", Hocon.Error("[1, 2]").Message);
}
