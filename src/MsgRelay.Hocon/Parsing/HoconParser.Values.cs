namespace MsgRelay.Hocon.Parsing;

internal sealed partial class HoconParser
{
    /// <summary>Reads one value, which may be a concatenation of several on the same line.</summary>
    private HoconValue ParseValue(string[] path)
    {
        var pieces = new List<HoconValue>();
        Token? pendingWhitespace = null;
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Whitespace)
            {
                pendingWhitespace = t;
                Advance();
                continue;
            }

            if (t.Kind is not (TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Substitution or TokenKind.OpenBrace or TokenKind.OpenBracket))
            {
                break;
            }

            if (pieces.Count > 0 && pendingWhitespace is { } ws)
            {
                pieces.Add(new HoconString(ws.Text, OriginOf(ws), isWhitespace: true));
            }

            pendingWhitespace = null;
            pieces.Add(ParseSimpleValue(path));
        }

        if (pieces.Count == 0)
        {
            throw Error(Current, $"expected a value, got {Current.Describe()}");
        }

        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        var origin = pieces[0].Origin;
        if (pieces.Exists(p => p is HoconSubstitution))
        {
            return new HoconConcatenation(pieces, origin);
        }

        return Concatenation.Combine(pieces, origin) ?? throw Error(Current, "empty value");
    }

    private HoconValue ParseSimpleValue(string[] path)
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.OpenBrace:
                return ParseBracedObject(path);
            case TokenKind.OpenBracket:
                return ParseArray(path);
            case TokenKind.Substitution:
                Advance();
                return MakeSubstitution(t.Path!, t.Optional, OriginOf(t));
            case TokenKind.Quoted:
                Advance();
                return new HoconString(t.Text, OriginOf(t));
            default:
                Advance();
                return Unquoted(t.Text, OriginOf(t));
        }
    }

    internal static HoconValue Unquoted(string text, HoconOrigin origin) => text switch
    {
        "true" => new HoconBoolean(true, origin),
        "false" => new HoconBoolean(false, origin),
        "null" => new HoconNull(origin),
        _ when HoconNumber.IsNumberText(text) => new HoconNumber(text, origin),
        _ => new HoconString(text, origin),
    };

    private HoconArray ParseArray(string[] path)
    {
        var open = Current;
        Advance();
        var items = new List<HoconValue>();
        bool needSeparator = false;
        while (true)
        {
            SkipWhitespace();
            var t = Current;
            switch (t.Kind)
            {
                case TokenKind.Newline:
                    Advance();
                    needSeparator = false;
                    continue;
                case TokenKind.CloseBracket:
                    Advance();
                    return new HoconArray(OriginOf(open), items, takeOwnership: true);
                case TokenKind.End:
                    throw Error(t, $"unbalanced '[': the list opened at line {open.Line}, column {open.Column} is never closed");
                case TokenKind.Comma:
                    if (!needSeparator)
                    {
                        throw Error(t, "unexpected ',': expected a list element");
                    }

                    Advance();
                    needSeparator = false;
                    continue;
                case TokenKind.CloseBrace:
                    throw Error(t, $"unbalanced '}}' inside the list opened at line {open.Line}, column {open.Column}");
            }

            if (needSeparator)
            {
                throw Error(t, $"expected ',' or a newline between list elements, got {t.Describe()}");
            }

            items.Add(ParseValue(path));
            needSeparator = true;
        }
    }
}
