namespace MsgRelay.Hocon.Parsing;

/// <summary>Recursive-descent parser from tokens to an unresolved value tree. Keys with dots
/// become nested objects, duplicate keys merge, includes are read and merged in place, and value
/// concatenations without substitutions are combined immediately.</summary>
internal sealed partial class HoconParser
{
    private readonly Tokenizer _tokenizer;
    private readonly ParseContext _context;
    private readonly List<Token> _lookahead = [];
    private int _head;

    private HoconParser(Tokenizer tokenizer, ParseContext context)
    {
        _tokenizer = tokenizer;
        _context = context;
    }

    /// <summary>Parses a whole document whose root must be an object (braces optional).</summary>
    public static HoconObject ParseDocument(string text, ParseContext context)
    {
        var parser = new HoconParser(new Tokenizer(text, context.Description), context);
        return parser.ParseRoot();
    }

    private Token Current => Peek(0);

    private Token Peek(int offset)
    {
        while (_lookahead.Count - _head <= offset)
        {
            _lookahead.Add(_tokenizer.Next());
        }

        return _lookahead[_head + offset];
    }

    private void Advance()
    {
        _head++;
        if (_head == _lookahead.Count)
        {
            _lookahead.Clear();
            _head = 0;
        }
    }

    private HoconOrigin OriginOf(Token token) => new(_context.Description, token.Line, token.Column);

    private HoconException Error(Token at, string reason) => new(OriginOf(at), reason);

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        HoconObject root;
        if (Current.Kind == TokenKind.OpenBrace)
        {
            root = ParseBracedObject([]);
            SkipWhitespaceAndNewlines();
            if (Current.Kind != TokenKind.End)
            {
                throw Error(Current, Current.Kind == TokenKind.CloseBrace
                    ? "unbalanced '}': there is no open '{' for it to close"
                    : $"expected end of input after the root object, got {Current.Describe()}");
            }
        }
        else if (Current.Kind == TokenKind.OpenBracket)
        {
            throw Error(Current, "the root of a configuration must be an object, got a list");
        }
        else
        {
            root = NewObject(OriginOf(Current));
            ParseFields(root, [], braced: false, Current);
        }

        return root;
    }

    private void SkipWhitespace()
    {
        while (Current.Kind == TokenKind.Whitespace)
        {
            Advance();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Current.Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            Advance();
        }
    }

    private HoconObject ParseBracedObject(string[] path)
    {
        var open = Current;
        Advance();
        var obj = NewObject(OriginOf(open));
        ParseFields(obj, path, braced: true, open);
        return obj;
    }

    /// <summary>Reads fields into <paramref name="obj"/> until '}' (braced) or end of input.</summary>
    private void ParseFields(HoconObject obj, string[] path, bool braced, Token open)
    {
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
                case TokenKind.CloseBrace when braced:
                    Advance();
                    return;
                case TokenKind.CloseBrace:
                    throw Error(t, "unbalanced '}': there is no open '{' for it to close");
                case TokenKind.End when braced:
                    throw Error(t, $"unbalanced '{{': the object opened at line {open.Line}, column {open.Column} is never closed");
                case TokenKind.End:
                    return;
                case TokenKind.Comma:
                    if (!needSeparator)
                    {
                        throw Error(t, "unexpected ',': expected a field");
                    }

                    Advance();
                    needSeparator = false;
                    continue;
            }

            if (needSeparator)
            {
                throw Error(t, $"expected ',' or a newline after a field, got {t.Describe()}");
            }

            if (IsIncludeStatement())
            {
                ParseInclude(obj, path);
            }
            else
            {
                ParseField(obj, path);
            }

            needSeparator = true;
        }
    }

    private void ParseField(HoconObject obj, string[] path)
    {
        var keyStart = Current;
        var key = ParseKey();
        SkipWhitespaceAndNewlines();
        var sep = Current;
        string[] fullPath = [.. path, .. key];
        HoconValue value;
        switch (sep.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals:
                Advance();
                SkipWhitespaceAndNewlines();
                value = ParseValue(fullPath);
                break;
            case TokenKind.OpenBrace:
                value = ParseValue(fullPath);
                break;
            case TokenKind.PlusEquals:
                Advance();
                SkipWhitespaceAndNewlines();
                var element = ParseValue(fullPath);
                var origin = OriginOf(sep);
                // a += b means a = ${?a} [b]. The self-reference is to this very field, so unlike
                // a written substitution it never falls back to the same path at the root.
                var self = new HoconSubstitution([.. _context.IncludePrefix, .. fullPath], null, optional: true, origin);
                value = new HoconConcatenation([self, new HoconArray(element.Origin, [element])], origin);
                break;
            default:
                throw Error(sep, $"expected ':', '=', '+=' or '{{' after key '{HoconPath.Render(key)}', got {sep.Describe()}");
        }

        // Walk into objects this parser still owns, so a path key extends them in place.
        var target = obj;
        int depth = 0;
        while (depth < key.Length - 1 && target.TryGetValue(key[depth], out var existing) && existing is HoconObject owned && owned.Builder == this)
        {
            target = owned;
            depth++;
        }

        for (int i = key.Length - 1; i > depth; i--)
        {
            var wrapper = NewObject(OriginOf(keyStart));
            wrapper.Set(key[i], value);
            value = wrapper;
        }

        MergeInto(target, key[depth], value);
    }

    /// <summary>Same result as <see cref="HoconObject.MergeField"/>, but merges into an object
    /// this parser owns in place instead of copying it.</summary>
    private void MergeInto(HoconObject target, string key, HoconValue value)
    {
        if (value is HoconObject newer && target.TryGetValue(key, out var existing) && existing is HoconObject older && older.Builder == this)
        {
            foreach (var (childKey, childValue) in newer)
            {
                MergeInto(older, childKey, childValue);
            }

            return;
        }

        target.MergeField(key, value);
    }

    private HoconObject NewObject(HoconOrigin origin) => new(origin) { Builder = this };

    private string[] ParseKey()
    {
        var start = Current;

        // Fast path for the common key: one unquoted token such as "port" or "a.b.c".
        if (start.Kind == TokenKind.Unquoted && Peek(1).Kind is not (TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Whitespace)
            || start.Kind == TokenKind.Unquoted && Peek(1).Kind == TokenKind.Whitespace && Peek(2).Kind is TokenKind.Colon or TokenKind.Equals or TokenKind.OpenBrace or TokenKind.PlusEquals)
        {
            var text = start.Text;
            if (!text.Contains('.', StringComparison.Ordinal))
            {
                Advance();
                return [text];
            }

            var parts = text.Split('.');
            if (Array.TrueForAll(parts, p => p.Length > 0))
            {
                Advance();
                return parts;
            }
        }

        var pieces = new List<(string Text, bool Quoted)>();
        while (true)
        {
            var t = Current;
            if (t.Kind == TokenKind.Unquoted)
            {
                pieces.Add((t.Text, false));
            }
            else if (t.Kind == TokenKind.Quoted)
            {
                pieces.Add((t.Text, true));
            }
            else if (t.Kind == TokenKind.Whitespace)
            {
                pieces.Add((t.Text, false));
            }
            else
            {
                break;
            }

            Advance();
        }

        while (pieces.Count > 0 && !pieces[^1].Quoted && pieces[^1].Text.All(Tokenizer.IsWhitespace))
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        if (pieces.Count == 0)
        {
            throw Error(start, $"expected a key, got {start.Describe()}");
        }

        var display = string.Concat(pieces.Select(p => p.Text));
        return HoconPath.FromPieces(pieces, display, OriginOf(start));
    }

    private HoconSubstitution MakeSubstitution(string[] writtenPath, bool optional, HoconOrigin origin)
    {
        var prefix = _context.IncludePrefix;
        return prefix.Length == 0
            ? new HoconSubstitution(writtenPath, null, optional, origin)
            : new HoconSubstitution([.. prefix, .. writtenPath], writtenPath, optional, origin);
    }
}
