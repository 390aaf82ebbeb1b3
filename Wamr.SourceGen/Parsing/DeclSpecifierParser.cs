using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses declaration specifiers: storage classes, <c>inline</c>, qualifiers, and exactly one type (arithmetic
/// keywords, a typedef name, or a struct/union/enum reference or definition).
/// </summary>
internal sealed class DeclSpecifierParser
{
    private readonly ParserContext _context;

    public DeclSpecifierParser(ParserContext context) => _context = context;

    /// <summary>
    /// Whether <paramref name="t"/> can start declaration specifiers (used to tell a parameter list from a
    /// parenthesized declarator).
    /// </summary>
    public bool StartsSpecifiers(Token t)
    {
        if (t.Kind != TokenKind.Identifier)
        {
            return false;
        }

        return IsSpecifierWord(t.Text) || PrimitiveTypes.IsKeyword(t.Text) || t.Text is "struct" or "union" or "enum"
            || Noise.IsWord(t.Text) || Noise.TakesArguments(t.Text) || _context.Table.IsTypeName(t.Text);
    }

    /// <summary>
    /// Parses the specifiers at the cursor. <paramref name="enclosingRecord"/> is the name (or placeholder) of
    /// the struct/union whose members are being parsed, null elsewhere.
    /// </summary>
    public DeclSpecifiers Parse(string? enclosingRecord)
    {
        TokenCursor cursor = _context.Cursor;
        var spec = new DeclSpecifiers(cursor.Current);
        var keywords = new PrimitiveTypes.KeywordSet();
        CType? named = null;
        bool isConst = false;
        Token? complex = null;

        while (!cursor.AtEnd && cursor.Current.Kind == TokenKind.Identifier)
        {
            Token t = cursor.Current;
            string word = t.Text;
            if (IsSpecifierWord(word))
            {
                cursor.Next();
                switch (word)
                {
                    case "typedef": spec.IsTypedef = true; break;
                    case "extern": spec.IsExtern = true; break;
                    case "static": spec.IsStatic = true; break;
                    case "inline" or "__inline" or "__inline__" or "__forceinline": spec.IsInline = true; break;
                    case "const" or "__const" or "__const__": isConst = true; break;
                }

                continue;
            }

            if (Noise.TrySkip(cursor))
            {
                continue;
            }

            if (PrimitiveTypes.IsKeyword(word))
            {
                if (named is not null)
                {
                    throw ParseException.Syntax($"'{word}' cannot follow another type", t);
                }

                complex ??= word == "_Complex" ? t : null;
                keywords.Add(word);
                cursor.Next();
                continue;
            }

            if (word is "struct" or "union" or "enum")
            {
                if (named is not null || keywords.Any)
                {
                    throw ParseException.Syntax($"'{word}' cannot follow another type", t);
                }

                named = ParseTag(spec, enclosingRecord);
                continue;
            }

            if (named is not null || keywords.Any)
            {
                // The type is complete: this identifier is the declared name.
                break;
            }

            if (PrimitiveTypes.BuiltInTypedef(word) is { } canonical)
            {
                named = new CPrimitiveType(canonical);
            }
            else if (_context.Table.IsTypeName(word))
            {
                named = new CTypedefRef(word);
            }
            else
            {
                throw ParseException.UnknownType(t);
            }

            cursor.Next();
        }

        if (complex is not null)
        {
            throw ParseException.Unsupported("complex types cannot be bound", complex);
        }

        if (named is null && !keywords.Any)
        {
            throw ParseException.Syntax($"expected a type but found {TokenCursor.Describe(cursor.Current)}", cursor.Current);
        }

        CType type = named ?? new CPrimitiveType(
            keywords.Canonical() ?? throw ParseException.Syntax("invalid combination of type keywords", spec.First));
        spec.Type = isConst ? WithConst(type) : type;
        return spec;
    }

    private static bool IsSpecifierWord(string word) => word is "typedef" or "extern" or "static" or "inline" or "__inline"
        or "__inline__" or "__forceinline" or "_Noreturn" or "register" or "auto" or "_Thread_local" or "__thread"
        or "const" or "__const" or "__const__";

    private static CType WithConst(CType type) => type switch
    {
        CPrimitiveType p => p with { IsConst = true },
        CTypedefRef t => t with { IsConst = true },
        CTagRef t => t with { IsConst = true },
        _ => type,
    };

    private CType ParseTag(DeclSpecifiers spec, string? enclosingRecord)
    {
        TokenCursor cursor = _context.Cursor;
        Token keyword = cursor.Next();
        TagKind kind = keyword.Text switch { "struct" => TagKind.Struct, "union" => TagKind.Union, _ => TagKind.Enum };
        Noise.SkipAll(cursor);
        Token? tag = cursor.Current.Kind == TokenKind.Identifier && !cursor.AtEnd ? cursor.Next() : null;
        Noise.SkipAll(cursor);

        if (!cursor.Is("{"))
        {
            if (tag is null)
            {
                throw ParseException.Syntax(
                    $"expected a tag name or '{{' after '{keyword.Text}' but found {TokenCursor.Describe(cursor.Current)}", cursor.Current);
            }

            if (kind != TagKind.Enum)
            {
                _context.Table.MentionTag(kind, tag.Text, tag.Location, _context.Builder.NextSequence());
                spec.ReferencedTag = tag.Text;
            }

            return new CTagRef(kind, tag.Text);
        }

        string name = tag?.Text ?? _context.Anonymous.Create(kind, enclosingRecord);
        if (tag is null)
        {
            spec.AnonymousTag = name;
        }

        string? doc = spec.First.LeadingComment;
        if (kind == TagKind.Enum)
        {
            _context.Enums.ParseBody(name, tag ?? keyword, doc);
        }
        else if (!_context.Records.ParseBody(kind, name, tag ?? keyword, doc))
        {
            spec.DefinesSkippedRecord = true;
        }

        Noise.SkipAll(cursor);
        return new CTagRef(kind, name);
    }
}
