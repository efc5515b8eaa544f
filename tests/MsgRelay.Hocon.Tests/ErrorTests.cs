namespace MsgRelay.Hocon.Tests;

/// <summary>Every parse error reads <c>origin:line:column: what is wrong</c>.</summary>
public class ErrorTests
{
    [Fact]
    public void Unclosed_brace_names_where_it_was_opened()
    {
        var error = Hocon.Error("a {\n  b = 1\n", "app.conf");
        Assert.Equal("app.conf:3:1: unbalanced '{': the object opened at line 1, column 3 is never closed", error.Message);
        Assert.Equal(new HoconOrigin("app.conf", 3, 1), error.Origin);
        Assert.Equal("unbalanced '{': the object opened at line 1, column 3 is never closed", error.Reason);
    }

    [Fact]
    public void Extra_closing_brace_is_reported_where_it_is() =>
        Assert.Equal("app.conf:2:1: unbalanced '}': there is no open '{' for it to close", Hocon.Error("a = 1\n}", "app.conf").Message);

    [Fact]
    public void Unclosed_list_is_reported() =>
        Assert.Equal("<string>:1:8: unbalanced '[': the list opened at line 1, column 5 is never closed", Hocon.Error("a = [1,").Message);

    [Fact]
    public void Bad_escape_is_reported_at_the_backslash() =>
        Assert.Equal("app.conf:2:8: bad escape '\\q' in quoted string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
            Hocon.Error("a = 1\nb = \"xy\\q\"", "app.conf").Message);

    [Fact]
    public void Short_unicode_escape_is_reported() =>
        Assert.Equal("<string>:1:6: bad escape: \\u must be followed by four hex digits", Hocon.Error("a = \"\\u12\"").Message);

    [Fact]
    public void Unterminated_string_is_reported_where_it_starts() =>
        Assert.Equal("<string>:1:5: unterminated quoted string (a quoted string must end on the line where it starts)", Hocon.Error("a = \"abc\nb = 1").Message);

    [Fact]
    public void Missing_separator_after_key_is_reported() =>
        Assert.Equal("<string>:1:3: expected ':', '=', '+=' or '{' after key 'a', got '['", Hocon.Error("a [1]").Message);

    [Fact]
    public void Reserved_character_outside_quotes_is_reported() =>
        Assert.Equal("<string>:1:6: reserved character '@' is not allowed outside quotes", Hocon.Error("a = b@c").Message);

    [Fact]
    public void Empty_path_element_is_reported() =>
        Assert.Equal("<string>:1:1: path 'a..b' has an empty element (use quotes for an empty key: \"\")", Hocon.Error("a..b = 1").Message);

    [Fact]
    public void Missing_value_is_reported() =>
        Assert.Equal("<string>:1:5: expected a value, got ','", Hocon.Error("a = , b = 1").Message);
}
