using System.Globalization;
using System.Text;

namespace MsgRelay.Hocon.Parsing;

/// <summary>Turns HOCON text into tokens. Comments are dropped (their newline is kept), a BOM
/// counts as whitespace, and substitutions arrive as one token with their path already split.</summary>
internal sealed class Tokenizer
{
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _origin;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public Tokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    internal static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\r' or '\v' or '\f' or '\uFEFF' or '\u001C' or '\u001D' or '\u001E' or '\u001F'
        || (c > 127 && char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

    private int Column => _pos - _lineStart + 1;

    private HoconException Error(string reason, int line, int column) =>
        new(new HoconOrigin(_origin, line, column), reason);

    /// <summary>The next token; tokens are produced on demand so a large file never holds
    /// all of them at once.</summary>
    public Token Next()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            int line = _line, column = Column;
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
                return new Token(TokenKind.Newline, "\n", line, column);
            }

            if (IsWhitespace(c))
            {
                int start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && IsWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                return new Token(TokenKind.Whitespace, WhitespaceText(start, _pos - start), line, column);
            }

            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }

                continue;
            }

            if (c == '"')
            {
                return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted() : new Token(TokenKind.Quoted, ReadQuoted(), line, column);
            }

            return c == '$' ? ReadSubstitution() : ReadPunctuationOrUnquoted(c, line, column);
        }

        return new Token(TokenKind.End, "", _line, Column);
    }

    private static readonly string[] Spaces = [.. Enumerable.Range(0, 17).Select(n => new string(' ', n))];

    /// <summary>Indentation is the most common token; runs of plain spaces reuse cached strings.</summary>
    private string WhitespaceText(int start, int length)
    {
        if (length < Spaces.Length && _text.AsSpan(start, length).IndexOfAnyExcept(' ') < 0)
        {
            return Spaces[length];
        }

        return _text.Substring(start, length);
    }

    private Token ReadPunctuationOrUnquoted(char c, int line, int column)
    {
        TokenKind? kind = c switch
        {
            ',' => TokenKind.Comma,
            ':' => TokenKind.Colon,
            '=' => TokenKind.Equals,
            '{' => TokenKind.OpenBrace,
            '}' => TokenKind.CloseBrace,
            '[' => TokenKind.OpenBracket,
            ']' => TokenKind.CloseBracket,
            _ => null,
        };
        if (kind is { } k)
        {
            _pos++;
            return new Token(k, c.ToString(), line, column);
        }

        if (c == '+')
        {
            if (Peek(1) != '=')
            {
                throw Error("'+' is only allowed as part of '+=' (quote it to use it in a string)", line, column);
            }

            _pos += 2;
            return new Token(TokenKind.PlusEquals, "+=", line, column);
        }

        if (Forbidden.Contains(c, StringComparison.Ordinal))
        {
            throw Error($"reserved character '{c}' is not allowed outside quotes", line, column);
        }

        int start = _pos;
        while (_pos < _text.Length)
        {
            char d = _text[_pos];
            if (d == '\n' || IsWhitespace(d) || Forbidden.Contains(d, StringComparison.Ordinal) || (d == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        return new Token(TokenKind.Unquoted, _text[start.._pos], line, column);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private string ReadQuoted()
    {
        int startLine = _line, startColumn = Column;
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("unterminated quoted string (a quoted string must end on the line where it starts)", startLine, startColumn);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return sb.ToString();
            }

            if (c == '\\')
            {
                ReadEscape(sb);
                continue;
            }

            if (c < 0x20 && c != '\t')
            {
                throw Error($"control character U+{(int)c:X4} must be escaped in a quoted string", _line, Column);
            }

            sb.Append(c);
            _pos++;
        }
    }

    private void ReadEscape(StringBuilder sb)
    {
        int line = _line, column = Column;
        char e = Peek(1);
        _pos += 2;
        switch (e)
        {
            case '"': sb.Append('"'); break;
            case '\\': sb.Append('\\'); break;
            case '/': sb.Append('/'); break;
            case 'b': sb.Append('\b'); break;
            case 'f': sb.Append('\f'); break;
            case 'n': sb.Append('\n'); break;
            case 'r': sb.Append('\r'); break;
            case 't': sb.Append('\t'); break;
            case 'u':
                if (_pos + 4 > _text.Length
                    || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                {
                    throw Error("bad escape: \\u must be followed by four hex digits", line, column);
                }

                sb.Append((char)code);
                _pos += 4;
                break;
            default:
                throw Error(e == '\0' || e == '\n'
                    ? "bad escape: '\\' at the end of a line"
                    : $"bad escape '\\{e}' in quoted string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", line, column);
        }
    }

    private Token ReadTripleQuoted()
    {
        int line = _line, column = Column;
        _pos += 3;
        int start = _pos;
        while (true)
        {
            int close = _text.IndexOf("\"\"\"", _pos, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Error("unterminated triple-quoted string", line, column);
            }

            // A run of more than three quotes closes the string; the extra quotes belong to it.
            int run = close;
            while (run < _text.Length && _text[run] == '"')
            {
                run++;
            }

            for (int i = _pos; i < close; i++)
            {
                if (_text[i] == '\n')
                {
                    _line++;
                    _lineStart = i + 1;
                }
            }

            string value = _text[start..(run - 3)];
            _pos = run;
            return new Token(TokenKind.Quoted, value, line, column);
        }
    }

    private Token ReadSubstitution()
    {
        int line = _line, column = Column;
        if (Peek(1) != '{')
        {
            throw Error("'$' must start a substitution '${...}' (quote it to use it in a string)", line, column);
        }

        _pos += 2;
        bool optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }

        var pieces = new List<(string Text, bool Quoted)>();
        var display = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("unterminated substitution: expected '}'", line, column);
            }

            char c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                break;
            }

            if (c == '"')
            {
                int qStart = _pos;
                pieces.Add((ReadQuoted(), true));
                display.Append(_text, qStart, _pos - qStart);
            }
            else if (IsWhitespace(c))
            {
                int ws = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                pieces.Add((_text[ws.._pos], false));
                display.Append(' ');
            }
            else if (Forbidden.Contains(c, StringComparison.Ordinal) && c != '"')
            {
                throw Error($"reserved character '{c}' is not allowed in a substitution path", _line, Column);
            }
            else
            {
                int uStart = _pos;
                while (_pos < _text.Length && _text[_pos] != '}' && _text[_pos] != '"' && !IsWhitespace(_text[_pos])
                    && _text[_pos] != '\n' && !Forbidden.Contains(_text[_pos], StringComparison.Ordinal))
                {
                    _pos++;
                }

                pieces.Add((_text[uStart.._pos], false));
                display.Append(_text, uStart, _pos - uStart);
            }
        }

        // Whitespace around the path inside ${ } is not part of it.
        while (pieces.Count > 0 && !pieces[0].Quoted && string.IsNullOrWhiteSpace(pieces[0].Text))
        {
            pieces.RemoveAt(0);
        }

        while (pieces.Count > 0 && !pieces[^1].Quoted && string.IsNullOrWhiteSpace(pieces[^1].Text))
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        var path = HoconPath.FromPieces(pieces, display.ToString().Trim(), new HoconOrigin(_origin, line, column));
        return new Token(TokenKind.Substitution, display.ToString().Trim(), line, column, optional, path);
    }
}
