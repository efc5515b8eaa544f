namespace MsgRelay.Hocon.Parsing;

internal enum TokenKind
{
    End,
    Whitespace,
    Newline,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Unquoted,
    Quoted,
    Substitution,
}
