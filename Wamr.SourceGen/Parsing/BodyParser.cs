using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// Parses the body of an inline function into statements: blocks, <c>return</c>, <c>if</c>/<c>else</c>,
/// declarations of locals (several declarators, arrays, brace initializers) and expression statements. Loops,
/// <c>switch</c>, jumps, static assertions and static locals stop it with a <see cref="CSyntaxProblem"/>. Parsing a
/// body never changes what the parser knows about the unit (a body's tags and typedefs are rolled back).
/// </summary>
internal sealed class BodyParser
{
    private readonly ParserContext _context;
    private readonly ExpressionParser _expressions;

    public BodyParser(ParserContext context)
    {
        _context = context;
        _expressions = new ExpressionParser(context);
    }

    private TokenCursor Cursor => _context.Cursor;

    /// <summary>Parses <paramref name="body"/>: the tokens from <c>{</c> to the matching <c>}</c>.</summary>
    public FunctionBody Parse(IReadOnlyList<Token> body)
    {
        return _context.Isolated(body, () =>
        {
            CBlockStatement block = ParseBlock();
            if (!Cursor.AtEnd)
            {
                throw ParseException.Syntax($"unexpected {TokenCursor.Describe(Cursor.Current)} after the body", Cursor.Current);
            }

            return new FunctionBody(block.Statements, null);
        }, problem => new FunctionBody(EquatableArray<CStatement>.Empty, problem));
    }

    private CBlockStatement ParseBlock()
    {
        Token open = Cursor.Expect("{");
        var statements = new List<CStatement>();
        while (!Cursor.Is("}"))
        {
            if (Cursor.AtEnd)
            {
                throw ParseException.Syntax("'{' is never closed", open);
            }

            if (ParseStatement() is { } statement)
            {
                statements.Add(statement);
            }
        }

        Cursor.Expect("}");
        return new CBlockStatement(statements.ToEquatableArray(), open.Location);
    }

    private CStatement? ParseStatement()
    {
        Token t = Cursor.Current;
        if (t.Is("{"))
        {
            return ParseBlock();
        }

        if (Cursor.Accept(";"))
        {
            return null;
        }

        if (t.Kind == TokenKind.Identifier)
        {
            switch (t.Text)
            {
                case "return":
                    Cursor.Next();
                    CExpression? value = Cursor.Is(";") ? null : _expressions.ParseExpression();
                    Cursor.Expect(";");
                    return new CReturnStatement(value, t.Location);
                case "if":
                    Cursor.Next();
                    Cursor.Expect("(");
                    CExpression condition = _expressions.ParseExpression();
                    Cursor.Expect(")");
                    CStatement then = ParseStatement() ?? new CBlockStatement(EquatableArray<CStatement>.Empty, t.Location);
                    CStatement? otherwise = null;
                    if (Cursor.Accept("else"))
                    {
                        otherwise = ParseStatement() ?? new CBlockStatement(EquatableArray<CStatement>.Empty, t.Location);
                    }

                    return new CIfStatement(condition, then, otherwise, t.Location);
                case "for" or "while" or "do":
                    throw new UnsupportedSyntaxException($"a '{t.Text}' loop", t);
                case "switch" or "case" or "default" or "goto" or "break" or "continue":
                    throw new UnsupportedSyntaxException($"'{t.Text}'", t);
                case "_Static_assert" or "static_assert":
                    throw new UnsupportedSyntaxException("a static assertion (_Static_assert)", t);
                case "asm" or "__asm" or "__asm__":
                    throw new UnsupportedSyntaxException("inline assembly", t);
            }

            if (Cursor.Peek(1).Is(":"))
            {
                throw new UnsupportedSyntaxException("a label", t);
            }

            if (_context.Specifiers.StartsSpecifiers(t))
            {
                return ParseDeclaration();
            }
        }

        CExpression expression = _expressions.ParseExpression();
        Cursor.Expect(";");
        return new CExpressionStatement(expression, expression.Location);
    }

    private CDeclarationStatement ParseDeclaration()
    {
        Token start = Cursor.Current;
        DeclSpecifiers spec = _context.Specifiers.Parse(enclosingRecord: null);
        if (spec.IsStatic || spec.IsExtern)
        {
            throw new UnsupportedSyntaxException(spec.IsStatic ? "a static local" : "an extern declaration in a body", start);
        }

        if (spec.IsTypedef || spec.AnonymousTag is not null || spec.DefinesSkippedRecord || (spec.ReferencedTag is not null && Cursor.Is(";")))
        {
            throw new UnsupportedSyntaxException("a type declared inside a body", start);
        }

        var locals = new List<CLocal>();
        do
        {
            Declarator declarator = _context.Declarators.Parse(allowAbstract: false);
            Token name = declarator.NameToken!;
            if (declarator.IsFunction)
            {
                throw new UnsupportedSyntaxException("a function declared inside a body", name);
            }

            CType type = declarator.Apply(spec.Type);
            CExpression? initializer = Cursor.Accept("=") ? _expressions.ParseInitializer() : null;
            if (type is CArrayType { Length: null } array)
            {
                if (initializer is not CInitializerList list)
                {
                    throw ParseException.Syntax($"the array '{name.Text}' has no length", name);
                }

                type = array with { Length = list.Items.Count };
            }

            locals.Add(new CLocal(name.Text, type, initializer, name.Location));
        }
        while (Cursor.Accept(","));

        Cursor.Expect(";");
        return new CDeclarationStatement(locals.ToEquatableArray(), start.Location);
    }
}
