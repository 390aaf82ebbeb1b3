using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Reads the bodies of the headers' macros once every declaration is known, so that type names in casts are
/// recognised: empty bodies, declaration-making bodies (<c>WASM_DECLARE_VEC</c>) and attribute words are told
/// apart from values (expressions and brace initializers), which are parsed into <see cref="CExpression"/> trees.
/// A macro body is parsed as written, unexpanded: other macros in it stay identifiers.
/// </summary>
internal sealed class MacroBodyParser
{
    private readonly ParserContext _context;

    public MacroBodyParser(ParserContext context) => _context = context;

    /// <summary>Each of <paramref name="macros"/> with its <see cref="MacroDefinition.Syntax"/>.</summary>
    public EquatableArray<MacroDefinition> ParseAll(EquatableArray<MacroDefinition> macros) =>
        macros.Select(m => m with { Syntax = Parse(m) }).ToEquatableArray();

    private MacroBody Parse(MacroDefinition macro)
    {
        if (macro.BodyTokens.Count == 0)
        {
            return new MacroBody(MacroBodyKind.Empty, null, null);
        }

        // The body's tokens, all placed at the #define's line (the model keeps the spelling, not each position).
        List<Token> tokens = Lexer.Tokenize(macro.Location.File, macro.Body)
            .Select(t => t with { Location = macro.Location })
            .ToList();
        if (tokens.Any(t => t.Is(";") || t.Is("typedef") || ((t.Is("struct") || t.Is("union") || t.Is("enum")) && tokens.Any(u => u.Is("{")))))
        {
            return new MacroBody(MacroBodyKind.Declarations, null, null);
        }

        if (IsAttribute(tokens))
        {
            return new MacroBody(MacroBodyKind.Attribute, null, null);
        }

        var expressions = new ExpressionParser(_context);
        return _context.Isolated(
            tokens,
            () =>
            {
                CExpression value = expressions.ParseInitializer();
                if (!_context.Cursor.AtEnd)
                {
                    throw ParseException.Syntax($"unexpected {TokenCursor.Describe(_context.Cursor.Current)} after the value", _context.Cursor.Current);
                }

                return new MacroBody(MacroBodyKind.Value, value, null);
            },
            problem => new MacroBody(MacroBodyKind.Unsupported, null, problem));
    }

    /// <summary>Whether the tokens are only storage words, calling conventions and attribute constructs.</summary>
    private static bool IsAttribute(List<Token> tokens)
    {
        var cursor = new TokenCursor(tokens);
        while (!cursor.AtEnd)
        {
            if (Noise.TrySkip(cursor))
            {
                continue;
            }

            if (cursor.Current.Kind == TokenKind.Identifier && cursor.Current.Text is "extern" or "static" or "inline" or "__inline" or "__inline__" or "__forceinline")
            {
                cursor.Next();
                continue;
            }

            return false;
        }

        return true;
    }
}
