namespace MsgRelay.Hocon.Parsing;

/// <summary>One lexical token. <see cref="Text"/> is the decoded string for quoted tokens;
/// <see cref="Path"/> and <see cref="Optional"/> are set only for substitutions.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, bool Optional = false, string[]? Path = null)
{
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Newline => "newline",
        TokenKind.Whitespace => "whitespace",
        TokenKind.Quoted => $"quoted string \"{Text}\"",
        TokenKind.Unquoted => $"'{Text}'",
        TokenKind.Substitution => "a substitution",
        _ => $"'{Text}'",
    };
}
